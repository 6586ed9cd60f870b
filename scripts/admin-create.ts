// npm run admin:create -- --email admin@example.org --name "Full Name" [--language be]
// Creates the first administrator (or another one, by whoever runs the server). There is no
// password to set or print: the new admin signs in with a code sent to that address and
// then sets up TOTP. Refuses an address that already has an account.
// With the embedded database only one process may open its files: while Listy runs, the
// command asks the running server (a Unix socket beside the data directory) to do it.
import { isLanguage, supportedLanguages } from "~/i18n";
import { adminSocketPath, askRunningServer, type AdminAnswer } from "~/staff/accounts/admin-channel.server";
import { createAdminFromCommandLine, type CreateAdminResult } from "~/staff/accounts/team.server";
import { migrateDatabase, openDatabase, setCurrentDatabase } from "~/utils/database.server";
import { databaseTargetFromEnv, EnvError, parseEnv, sessionSecretFile, type Env } from "~/utils/env.server";

const usage = `Usage: npm run admin:create -- --email ADDRESS --name "FULL NAME" [--language ${supportedLanguages.join("|")}]`;

function parseArgs(argv: string[]): { email: string; name: string; language: string } {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag !== "--email" && flag !== "--name" && flag !== "--language") throw new Error(`unknown argument "${arg}"`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value`);
    values[flag.slice(2)] = value;
  }
  if (!values.email || !values.name) throw new Error("--email and --name are required");
  const language = values.language ?? "en";
  if (!isLanguage(language)) throw new Error(`--language must be one of ${supportedLanguages.join(", ")}`);
  return { email: values.email, name: values.name, language };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  let env;
  try {
    env = parseEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const target = databaseTargetFromEnv(env);
  const request = { email: args.email, name: args.name, language: args.language };
  // While Listy runs on the embedded database, it owns the files: ask it to do the work.
  const socket = target.kind === "pglite" && target.dataDir ? adminSocketPath(target.dataDir) : null;
  const throughServer = socket ? await askRunningServer(socket, request) : null;
  if (throughServer) return report(throughServer, args.email, env, true);
  const database = await openDatabase(target);
  try {
    await migrateDatabase(database);
    setCurrentDatabase(database);
    const result = await createAdminFromCommandLine({ email: args.email, displayName: args.name, language: args.language });
    return report(result, args.email, env, false);
  } finally {
    await database.close();
  }
}

function report(result: AdminAnswer | CreateAdminResult, email: string, env: Env, throughServer: boolean): number {
  if (!result.ok) {
    const reasons = {
      exists: `An account with the address ${email.trim().toLowerCase()} already exists; nothing was changed.`,
      "invalid-email": `"${email}" is not an email address.`,
      "invalid-name": "The name must be 1 to 100 characters long.",
      "bad-request": "The running server could not read the request; nothing was changed.",
    } as const;
    console.error(reasons[result.reason]);
    return 1;
  }
  const origin = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : `http://localhost:${env.PORT}`;
  console.info(
    [
      `Created the administrator ${result.staff.displayName} <${result.staff.email}>. There is no password.` +
        (throughServer ? " (Listy is running, so it created the account.)" : ""),
      "",
      "Next:",
      throughServer ? `  1. Open ${origin}/${result.staff.language}/staff/sign-in` : `  1. Start Listy and open ${origin}/${result.staff.language}/staff/sign-in`,
      `  2. Enter ${result.staff.email}; a six-digit code is sent to that address` +
        (env.SMTP_URL ? "." : ` (without SMTP_URL it is written as an .eml file to ${env.MAIL_DIR}).`),
      "  3. Administrators must set up a second factor: add the secret shown to an authenticator app",
      "     (any TOTP app) and confirm with its code. The secret is shown only until it is confirmed.",
      env.SESSION_SECRET || env.DATABASE_URL
        ? ""
        : `\nNote: SESSION_SECRET is not set, so Listy uses the secret it keeps in ${sessionSecretFile(env)} (made at its first start). It protects the stored TOTP secrets: back it up with the data.`,
    ].join("\n"),
  );
  return 0;
}

process.exitCode = await main();
