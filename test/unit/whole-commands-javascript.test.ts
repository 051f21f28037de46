// JS/TS commands that reach a shell whole (`exec(req.query.cmd)`, a parameter, process.argv,
// process.env, a terminal prompt), through `sh -c` argument lists, and through helper functions of
// the same file; and their safe look-alikes (constant commands, argument lists, allowlisted values,
// lookups, helpers only ever given constants, results of the program's own work).
import { builtEnding, checkSafeCase, checkTrueCase, HELPER_NO_FIX, scriptNoFix, wholeEnding, type SafeCase, type TrueCase } from './command-harness';

const PATH = 'src/server.ts';
const WHOLE = wholeEnding('execFile, or spawn without a shell');
const BUILT = builtEnding('execFile, or spawn without a shell');

const reported: TrueCase[] = [
  {
    name: 'a query value run by exec',
    source: `import express from 'express';
import { exec } from 'child_process';

const app = express();

app.get('/run', (req, res) => {
  exec(req.query.cmd as string, (err, stdout) => res.send(stdout));
});
`,
    line: 7,
    severity: 'error',
    message: `Command injection: \`req.query.cmd as string\` (request value req.query.cmd) is the whole command line that \`exec\` runs through a shell${WHOLE}`,
  },
  {
    name: 'a body value destructured, through a required and renamed execSync',
    source: `const { execSync: run } = require('child_process');

module.exports.handler = (req, res) => {
  const { command } = req.body;
  res.send(run(command).toString());
};
`,
    line: 5,
    severity: 'error',
    message: `Command injection: \`command\` (request value req.body.command) is the whole command line that \`run\` runs through a shell${WHOLE}`,
    related: [[4, '`command` comes from request value req.body.command']],
  },
  {
    name: 'a query read from the URL of a plain http server',
    source: `const http = require('http');
const { exec } = require('child_process');

http.createServer((req, res) => {
  const cmd = new URL(req.url, 'http://localhost').searchParams.get('cmd');
  exec(cmd, (_e, out) => res.end(out));
}).listen(8080);
`,
    line: 6,
    severity: 'error',
    message: `Command injection: \`cmd\` (request value req.url) is the whole command line that \`exec\` runs through a shell${WHOLE}`,
    related: [[5, '`cmd` comes from request value req.url']],
  },
  {
    name: 'spawn with shell: true and a route parameter',
    source: `import { spawn } from 'node:child_process';
import type { Request, Response } from 'express';

export function start(req: Request, res: Response) {
  const child = spawn(req.params.job, { shell: true });
  child.stdout.pipe(res);
}
`,
    line: 5,
    severity: 'error',
    message: `Command injection: \`req.params.job\` (request value req.params.job) is the whole command line that \`spawn\` runs through a shell${WHOLE}`,
  },
  {
    name: 'execaCommand splits a whole request value into a program and arguments',
    source: `import { execaCommand } from 'execa';

export async function POST(request: Request) {
  const { script } = await request.json();
  return new Response((await execaCommand(script)).stdout);
}
`,
    line: 5,
    severity: 'error',
    message:
      'Command injection: `script` (request value request.json().script) is the whole command line that `execaCommand` splits into arguments, so whoever supplies it chooses what runs. ' +
      'Run a fixed program and pass the value as one of its arguments (execFile, or spawn without a shell), or map the value to one of a few constant commands.',
  },
  {
    name: 'shelljs exec with a Koa query value',
    source: `import shell from 'shelljs';

export const run = async (ctx) => {
  ctx.body = shell.exec(ctx.query.cmd).stdout;
};
`,
    line: 4,
    severity: 'error',
    message: `Command injection: \`ctx.query.cmd\` (request value ctx.query.cmd) is the whole command line that \`shell.exec\` runs through a shell${WHOLE}`,
  },
  {
    name: 'a NestJS @Query() parameter',
    source: `import { Controller, Get, Query } from '@nestjs/common';
import { execSync } from 'child_process';

@Controller('ops')
export class OpsController {
  @Get('run')
  run(@Query('cmd') cmd: string) {
    return execSync(cmd).toString();
  }
}
`,
    line: 8,
    severity: 'error',
    message: `Command injection: \`cmd\` (request value @Query('cmd') cmd) is the whole command line that \`execSync\` runs through a shell${WHOLE}`,
  },
  {
    name: 'a parameter of an exported function',
    source: `import { execSync } from 'child_process';

export function runShell(command: string): string {
  return execSync(command, { encoding: 'utf8' });
}
`,
    line: 4,
    severity: 'error',
    message: `Command injection: \`command\` (parameter command) is the whole command line that \`execSync\` runs through a shell${WHOLE}`,
  },
  {
    name: 'process.argv joined: a warning',
    source: `#!/usr/bin/env node
const cp = require('node:child_process');

const command = process.argv.slice(2).join(' ');
cp.execSync(command, { stdio: 'inherit' });
`,
    line: 5,
    severity: 'warning',
    message: `Shell command taken from outside the program: \`command\` (command-line argument process.argv) is the whole command line that \`cp.execSync\` runs through a shell${WHOLE}`,
  },
  {
    name: 'process.env: a warning',
    source: `import { exec } from 'child_process';

exec(process.env.POST_DEPLOY_HOOK ?? 'true');
`,
    line: 3,
    severity: 'warning',
    message: `Shell command taken from outside the program: \`process.env.POST_DEPLOY_HOOK ?? 'true'\` (environment variable process.env.POST_DEPLOY_HOOK) is the whole command line that \`exec\` runs through a shell${WHOLE}`,
  },
  {
    name: 'a readline answer: a warning',
    source: `import { execSync } from 'child_process';
import * as readline from 'node:readline/promises';

const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
const answer = await rl.question('$ ');
execSync(answer, { stdio: 'inherit' });
`,
    line: 6,
    severity: 'warning',
    message: `Shell command taken from outside the program: \`answer\` (interactive input rl.question('$ ')) is the whole command line that \`execSync\` runs through a shell${WHOLE}`,
  },
  {
    name: "a request value passed to a helper: reported at the helper's sink",
    source: `import { execSync } from 'child_process';
import express from 'express';

const app = express();

function runCommand(cmd: string) {
  return execSync(cmd).toString();
}

app.get('/uptime', (_req, res) => res.send(runCommand('uptime')));
app.post('/run', (req, res) => res.send(runCommand(req.body.cmd)));
`,
    line: 7,
    severity: 'error',
    message: `Command injection: \`req.body.cmd\` (request value req.body.cmd) is the whole command line that \`execSync\` runs through a shell, passed through \`runCommand()\`${WHOLE}`,
    related: [
      [11, 'passed to `runCommand()` here'],
      [11, '`req.body.cmd` comes from request value req.body.cmd'],
    ],
  },
  {
    name: 'a command built where an arrow helper is called: no fix at the sink',
    source: `import { exec } from 'child_process';

const sh = (line: string) => new Promise((resolve) => exec(line, (_e, out) => resolve(out)));

export async function ping(req, res) {
  res.send(await sh(\`ping -c 1 \${req.query.host}\`));
}
`,
    line: 3,
    severity: 'error',
    message: `Command injection: \`req.query.host\` (request value req.query.host) is interpolated into the command line that \`exec\` runs through a shell, passed through \`sh()\`${BUILT}${HELPER_NO_FIX}`,
    related: [[6, 'passed to `sh()` here']],
  },
  {
    name: 'a private method called through this',
    source: `import { execSync } from 'child_process';

export class Deployer {
  #run(script: string) {
    return execSync(script);
  }

  deploy(req) {
    return this.#run(req.body.script);
  }
}
`,
    line: 5,
    severity: 'error',
    message: `Command injection: \`req.body.script\` (request value req.body.script) is the whole command line that \`execSync\` runs through a shell, passed through \`this.#run()\`${WHOLE}`,
  },
  {
    name: 'a template literal in an sh -c argument list (no shell option)',
    source: `import { spawn } from 'child_process';

export function archive(req, res) {
  spawn('sh', ['-c', \`tar czf /backups/\${req.query.name}.tgz /data\`]).on('close', () => res.end());
}
`,
    line: 4,
    severity: 'error',
    message: `Command injection: \`req.query.name\` (request value req.query.name) is interpolated into the command line that \`spawn('sh', ['-c', …])\` runs through a shell${BUILT}${scriptNoFix('sh -c')}`,
  },
  {
    name: 'a whole parameter as the script of bash -c, the shell named by a variable',
    source: `const { spawnSync } = require('child_process');

exports.runScript = (userInput) => {
  let shell = 'bash';
  return spawnSync(shell, ['-c', userInput]);
};
`,
    line: 5,
    severity: 'error',
    message: `Command injection: \`userInput\` (parameter userInput) is the whole command line that \`spawnSync(shell, ['-c', …])\` runs through a shell${WHOLE}`,
  },
  {
    name: 'execFile starting cmd.exe /c on a request value',
    source: `import { execFile } from 'child_process';

export const run = (req, res) => execFile('cmd.exe', ['/c', req.query.bat], (_e, out) => res.send(out));
`,
    line: 3,
    severity: 'error',
    message: `Command injection: \`req.query.bat\` (request value req.query.bat) is the whole command line that \`execFile('cmd.exe', ['/c', …])\` runs through a shell${WHOLE}`,
  },
];

const safe: SafeCase[] = [
  {
    name: 'a constant command and a template without values',
    source: `import { exec, execSync } from 'child_process';\n\nexec('ls -la');\nexecSync(\`git status\`);\n`,
  },
  {
    name: 'a module constant',
    source: `import { execSync } from 'child_process';

const BUILD = 'npm run build';
execSync(BUILD, { stdio: 'inherit' });
`,
  },
  {
    name: 'argument lists without a shell',
    source: `import { execFile, spawn } from 'child_process';

export function list(req, res) {
  execFile('ls', ['-la', req.query.dir], (_e, out) => res.send(out));
  spawn('git', ['log', req.query.branch]);
}
`,
  },
  {
    name: 'a value checked against an allowlist first',
    source: `import { exec } from 'child_process';

const ALLOWED = ['uptime', 'df -h'];

export function run(req, res) {
  const cmd = req.query.cmd;
  if (!ALLOWED.includes(cmd)) return res.status(400).end();
  exec(cmd, (_e, out) => res.send(out));
}
`,
  },
  {
    name: 'a command looked up with the request value',
    source: `import { exec } from 'child_process';

const COMMANDS = { disk: 'df -h', load: 'uptime' } as const;

export function run(req, res) {
  exec(COMMANDS[req.query.name], (_e, out) => res.send(out));
}
`,
  },
  {
    name: 'sh -c with a constant script and the value as a positional parameter',
    source: `import { spawn } from 'child_process';

export function greet(req) {
  return spawn('sh', ['-c', 'echo "hello $1"', '--', req.query.name]);
}
`,
  },
  {
    name: 'a helper in the file only ever called with constants',
    source: `import { execSync } from 'child_process';

function run(command: string) {
  return execSync(command, { stdio: 'inherit' });
}

run('npm ci');
run('npm test');
`,
  },
  {
    name: 'a helper building a command, only ever called with constants',
    source: `import { exec } from 'child_process';

const ping = (host: string) => exec(\`ping -c 1 \${host}\`);
ping('localhost');
`,
  },
  {
    name: 'an iteration over constant commands',
    source: `import { execSync } from 'child_process';

['npm ci', 'npm run build'].forEach((step) => execSync(step, { stdio: 'inherit' }));
`,
  },
  {
    name: "the result of the program's own command and of an awaited lookup",
    source: `import { exec, execSync } from 'child_process';

export async function version(db, id) {
  exec('command -v git', (err, stdout) => execSync(stdout.trim()));
  const saved = await db.commands.find(id);
  execSync(saved.line);
}
`,
  },
  {
    name: 'a command looked up in a Map with the request value',
    source: `import { exec } from 'child_process';

const TASKS = new Map([['disk', 'df -h']]);

export const run = (req) => exec(TASKS.get(req.query.task) ?? 'true');
`,
  },
  { name: 'an exec that is not child_process', source: `export const first = (req) => /\\d+/.exec(req.query.text);\n` },
];

describe('string-built-command: whole commands in JS/TS', () => {
  for (const expected of reported) {
    it(`reports ${expected.name}`, async () => checkTrueCase(PATH, expected));
  }
  for (const look of safe) {
    it(`leaves alone ${look.name}`, async () => checkSafeCase(PATH, look));
  }
});
