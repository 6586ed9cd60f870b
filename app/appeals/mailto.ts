// The "open in your own mail program" link. Built on the server from what the supporter
// typed; Listy stores nothing. RFC 6068: every header value percent-encoded (UTF-8),
// line breaks in the body as CRLF (%0D%0A).

/** One plain address: no spaces, commas, semicolons or URL syntax that could add a recipient or a header. */
const SINGLE_ADDRESS = /^[A-Za-z0-9.!#$'*+/=^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isSingleAddress(value: string): boolean {
  return value.length <= 254 && SINGLE_ADDRESS.test(value);
}

/** Percent-encodes everything outside RFC 3986's unreserved set (encodeURIComponent leaves !'()* alone). */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A mailto: URL for one official's address, or null when the address is not one plain address. */
export function mailtoHref(to: string, subject: string, body: string): string | null {
  const address = to.trim();
  if (!isSingleAddress(address)) return null;
  const crlfBody = body.replace(/\r\n?|\n/g, "\r\n");
  const oneLineSubject = subject.replace(/[\r\n]+/g, " ");
  // The local part is encoded too ("%" "?" "&" "#" and the like must not end it early); "@" stays readable.
  const encodedAddress = encode(address).replace(/%40/g, "@");
  return `mailto:${encodedAddress}?subject=${encode(oneLineSubject)}&body=${encode(crlfBody)}`;
}
