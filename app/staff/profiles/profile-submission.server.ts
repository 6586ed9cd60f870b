// Reads the profile editor's multipart POST: the text fields and, if one was chosen, the
// photo (checked and re-encoded here, so a bad file is a field error, never a 500).
import { formFields } from "~/utils/form-fields";

import { PHOTO_MAX_BYTES, PROFILE_FORM_MAX_BYTES } from "./photo-limits";
import type { ProfileFields } from "./prisoner-fields";
import { readProfileForm, type ProfileFormValues } from "./profile-form";
import type { ProfileErrorCode } from "./profile-labels";
import { PhotoError, processPhoto, type ProcessedPhoto } from "./profile-photo.server";

export type ProfileSubmission =
  | { ok: true; form: FormData; fields: ProfileFields; note: string | null; credit: string | null; photo: ProcessedPhoto | null; values: ProfileFormValues }
  | { ok: false; form: FormData | null; values: ProfileFormValues; errors: Record<string, ProfileErrorCode> };

/** The POST's form, or why it could not be read (too big to read at all: nothing typed can be kept). */
export async function readRequestForm(request: Request): Promise<FormData | "too-large" | "unreadable"> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > PROFILE_FORM_MAX_BYTES) return "too-large";
  try {
    return await request.formData();
  } catch {
    return "unreadable";
  }
}

export function unreadableSubmission(problem: "too-large" | "unreadable"): ProfileSubmission {
  return { ok: false, form: null, values: {}, errors: { photo: problem } };
}

export async function readProfileSubmission(form: FormData): Promise<ProfileSubmission> {
  const read = readProfileForm(form);
  const errors: Record<string, ProfileErrorCode> = read.ok ? {} : { ...read.errors };
  let photo: ProcessedPhoto | null = null;
  const file = formFields(form).file("photo");
  if (file) {
    if (file.size > PHOTO_MAX_BYTES) errors.photo = "too-large";
    else {
      try {
        photo = await processPhoto(Buffer.from(await file.arrayBuffer()));
      } catch (error) {
        if (!(error instanceof PhotoError)) throw error;
        errors.photo = error.code;
      }
    }
  }
  if (!read.ok || Object.keys(errors).length > 0) return { ok: false, form, values: read.values, errors };
  return { ok: true, form, fields: read.fields, note: read.note, credit: read.credit, photo, values: read.values };
}
