/**
 * A measurement run in a child process of the benchmark: the script again (with the parent's Node flags and the
 * given arguments and environment), its result the JSON of the last line it prints.
 */
import { spawn } from 'node:child_process';

export function childJson<T>(script: string, args: readonly string[], env: Record<string, string>): Promise<T> {
  return new Promise((resolveChild, reject) => {
    const proc = spawn(process.execPath, [...process.execArgv, script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) reject(new Error(`${args.join(' ')} failed (exit ${code})`));
      else resolveChild(JSON.parse(out.trim().split('\n').pop() as string) as T);
    });
  });
}
