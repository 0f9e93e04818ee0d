// "auto" means: only for the local demo on the embedded database, so a deploy with its
// own DATABASE_URL never starts a synthetic executor against real traders by accident.
export function isDemoExecutorEnabled(options: {
  setting: "auto" | "on" | "off";
  isEmbeddedDb: boolean;
}): boolean {
  if (options.setting === "on") return true;
  if (options.setting === "off") return false;
  return options.isEmbeddedDb;
}
