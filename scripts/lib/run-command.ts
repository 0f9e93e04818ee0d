import { type ChildProcess, spawn } from "node:child_process";

// Never spawnSync in these scripts: the embedded database is served from this
// process's event loop, so blocking it would deadlock a child that talks to it.
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

export function startCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): ChildProcess {
  return spawn(command, args, { stdio: "inherit", env });
}
