import { describe, expect, it } from "vitest";

import { readStaffToken, staffCookie, staffCookieName } from "~/staff/accounts/session.server";

const token = "A".repeat(43);

describe("the staff session cookie", () => {
  it("is a __Host- cookie over HTTPS: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain, no Max-Age", () => {
    const request = new Request("https://listy.example.org/en/staff");
    expect(staffCookieName(request)).toBe("__Host-listy_staff");
    expect(staffCookie(request, token)).toBe(`__Host-listy_staff=${token}; Path=/; HttpOnly; SameSite=Lax; Secure`);
    expect(staffCookie(request, null)).toBe("__Host-listy_staff=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0");
  });

  it("has a plain name over HTTP, where browsers refuse __Host- cookies", () => {
    const request = new Request("http://127.0.0.1:3000/en/staff");
    expect(staffCookie(request, token)).toBe(`listy_staff=${token}; Path=/; HttpOnly; SameSite=Lax`);
  });

  it("reads only its own name and only well-formed values", () => {
    const read = (url: string, cookie: string) => readStaffToken(new Request(url, { headers: { cookie } }));
    expect(read("https://listy.example.org/", `lng=be; __Host-listy_staff=${token}`)).toBe(token);
    // Over HTTPS the plain name (which anyone on the path could have set) is ignored.
    expect(read("https://listy.example.org/", `listy_staff=${token}`)).toBeNull();
    expect(read("http://localhost/", `listy_staff=${token}`)).toBe(token);
    expect(read("http://localhost/", "listy_staff=short")).toBeNull();
    expect(read("http://localhost/", `listy_staff=${token.slice(1)}!`)).toBeNull();
  });
});
