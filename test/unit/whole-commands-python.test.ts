// Python commands that reach a shell whole (`os.system(cmd)` with `cmd` from a request, sys.argv,
// the environment, input() or a parameter), through `sh -c` argument lists, and through helper
// functions of the same file; and their safe look-alikes (constant commands, argument lists, quoted
// or allowlisted values, lookups, helpers only ever given constants).
import { strict as assert } from 'node:assert';
import { mayHoldSink } from '../../src/core/queries/python/sinks';
import { builtEnding, checkSafeCase, checkTrueCase, HELPER_NO_FIX, scriptNoFix, wholeEnding, type SafeCase, type TrueCase } from './command-harness';

const PATH = 'app/tools.py';
const WHOLE = wholeEnding('subprocess.run([...]) without shell=True');
const BUILT = builtEnding('subprocess.run([...]) without shell=True', ', or quote each value with shlex.quote()');

const reported: TrueCase[] = [
  {
    name: 'a Flask request value run by os.system',
    source: `import os
from flask import Flask, request

app = Flask(__name__)


@app.route("/run")
def run():
    cmd = request.args.get("cmd")
    os.system(cmd)
    return "ok"
`,
    line: 10,
    severity: 'error',
    message: `Command injection: \`cmd\` (request value request.args) is the whole command line that \`os.system()\` runs through a shell${WHOLE}`,
    related: [[9, '`cmd` comes from request value request.args']],
  },
  {
    name: 'a Django request.GET value in subprocess.run(…, shell=True)',
    source: `import subprocess


def run_view(request):
    command = request.GET["command"].strip()
    result = subprocess.run(command, shell=True, capture_output=True)
    return result.stdout
`,
    line: 6,
    severity: 'error',
    message: `Command injection: \`command\` (request value request.GET) is the whole command line that \`subprocess.run()\` runs through a shell${WHOLE}`,
  },
  {
    name: 'a JSON body decoded from the request',
    source: `import json
import subprocess
from flask import request


def hook():
    payload = json.loads(request.data)
    subprocess.run(payload.get("command"), shell=True)
`,
    line: 8,
    severity: 'error',
    message: `Command injection: \`payload.get("command")\` (request value request.data) is the whole command line that \`subprocess.run()\` runs through a shell${WHOLE}`,
    related: [[7, 'comes from request value request.data']],
  },
  {
    name: 'request.get_json() read through a variable',
    source: `import os
from flask import request


def run():
    data = request.get_json()
    os.system(data["cmd"])
`,
    line: 7,
    severity: 'error',
    message: `Command injection: \`data["cmd"]\` (request value request.get_json()) is the whole command line that \`os.system()\` runs through a shell${WHOLE}`,
  },
  {
    name: 'a FastAPI route parameter run by os.popen',
    source: `import os
from fastapi import FastAPI

app = FastAPI()


@app.get("/exec")
def execute(cmd: str):
    return os.popen(cmd).read()
`,
    line: 9,
    severity: 'error',
    message: `Command injection: \`cmd\` (route parameter cmd) is the whole command line that \`os.popen()\` runs through a shell${WHOLE}`,
  },
  {
    name: 'a parameter of a function the file never calls',
    source: `import subprocess


def run_shell(command):
    return subprocess.check_output(command, shell=True, text=True)
`,
    line: 5,
    severity: 'error',
    message: `Command injection: \`command\` (parameter command) is the whole command line that \`subprocess.check_output()\` runs through a shell${WHOLE}`,
  },
  {
    name: 'sys.argv: a warning',
    source: `import os
import sys

if __name__ == "__main__":
    os.system(sys.argv[1])
`,
    line: 5,
    severity: 'warning',
    message: `Shell command taken from outside the program: \`sys.argv[1]\` (command-line argument sys.argv[1]) is the whole command line that \`os.system()\` runs through a shell${WHOLE}`,
  },
  {
    name: 'os.environ through a variable: a warning',
    source: `import os
import subprocess

deploy = os.environ.get("DEPLOY_CMD", "make deploy")
subprocess.call(deploy, shell=True)
`,
    line: 5,
    severity: 'warning',
    message: `Shell command taken from outside the program: \`deploy\` (environment variable os.environ.get("DEPLOY_CMD")) is the whole command line that \`subprocess.call()\` runs through a shell${WHOLE}`,
  },
  {
    name: 'input(): a warning',
    source: `import os

while True:
    line = input("$ ")
    os.system(line)
`,
    line: 5,
    severity: 'warning',
    message: `Shell command taken from outside the program: \`line\` (interactive input input()) is the whole command line that \`os.system()\` runs through a shell${WHOLE}`,
  },
  {
    name: 'argparse arguments: a warning',
    source: `import argparse
import subprocess

parser = argparse.ArgumentParser()
parser.add_argument("--hook")
args = parser.parse_args()
subprocess.run(args.hook, shell=True)
`,
    line: 7,
    severity: 'warning',
    message: `Shell command taken from outside the program: \`args.hook\` (command-line argument parse_args()) is the whole command line that \`subprocess.run()\` runs through a shell${WHOLE}`,
  },
  {
    name: 'a click command argument: a warning',
    source: `import os

import click


@click.command()
@click.argument("cmd")
def main(cmd):
    os.system(cmd)
`,
    line: 9,
    severity: 'warning',
    message: `Shell command taken from outside the program: \`cmd\` (command-line argument cmd) is the whole command line that \`os.system()\` runs through a shell${WHOLE}`,
  },
  {
    name: 'each element of sys.argv in a loop',
    source: `import subprocess
import sys

for hook in sys.argv[1:]:
    subprocess.Popen(hook, shell=True)
`,
    line: 5,
    severity: 'warning',
    message: `Shell command taken from outside the program: \`hook\` (command-line argument sys.argv[1:]) is the whole command line that \`subprocess.Popen()\` runs through a shell${WHOLE}`,
  },
  {
    name: "a request value passed to a helper: reported at the helper's sink",
    source: `import subprocess
from flask import request


def run_command(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout


def status():
    return run_command("uptime")


def custom():
    return run_command(request.form["command"])
`,
    line: 6,
    severity: 'error',
    message: `Command injection: \`request.form["command"]\` (request value request.form) is the whole command line that \`subprocess.run()\` runs through a shell, passed through \`run_command()\`${WHOLE}`,
    related: [
      [14, 'passed to `run_command()` here'],
      [14, 'comes from request value request.form'],
    ],
  },
  {
    name: 'a command built where a helper is called: no fix at the sink',
    source: `import os
from flask import request


def run(cmd):
    return os.system(cmd)


def ping():
    host = request.args["host"]
    return run(f"ping -c 1 {host}")
`,
    line: 6,
    severity: 'error',
    message: `Command injection: \`host\` (request value request.args) is interpolated into the command line that \`os.system()\` runs through a shell, passed through \`run()\`${BUILT}${HELPER_NO_FIX}`,
    related: [
      [11, 'command built here'],
      [11, 'passed to `run()` here'],
    ],
  },
  {
    name: 'a private method called through self with a request value',
    source: `import subprocess
from flask import request


class Deployer:
    def _sh(self, script):
        return subprocess.check_call(script, shell=True)

    def deploy(self):
        return self._sh(request.json["script"])
`,
    line: 7,
    severity: 'error',
    message: `Command injection: \`request.json["script"]\` (request value request.json) is the whole command line that \`subprocess.check_call()\` runs through a shell, passed through \`self._sh()\`${WHOLE}`,
  },
  {
    name: 'a helper parameter interpolated into a built command, given a request value',
    source: `import os
from flask import request


def lookup(domain):
    return os.popen("whois " + domain).read()


def view():
    return lookup(request.args["domain"])
`,
    line: 6,
    severity: 'error',
    message: `Command injection: \`domain\` (request value request.args) is interpolated into the command line that \`os.popen()\` runs through a shell, passed through \`lookup()\`${BUILT} No automatic fix: os.popen() has no list form: use subprocess.run([...], capture_output=True, text=True).`,
  },
  {
    name: 'a built string in an sh -c argument list (no shell=True)',
    source: `import subprocess
from flask import request


def archive():
    name = request.args["name"]
    subprocess.run(["sh", "-c", f"tar czf /backups/{name}.tgz /data"], check=True)
`,
    line: 7,
    severity: 'error',
    message: `Command injection: \`name\` (request value request.args) is interpolated into the command line that \`subprocess.run(["sh", "-c", …])\` runs through a shell${BUILT}${scriptNoFix('sh -c')}`,
  },
  {
    name: 'a whole request value as a bash -lc script',
    source: `import subprocess
from flask import request


def hook():
    subprocess.Popen(["/bin/bash", "-lc", request.json["script"]])
`,
    line: 6,
    severity: 'error',
    message: `Command injection: \`request.json["script"]\` (request value request.json) is the whole command line that \`subprocess.Popen(["/bin/bash", "-lc", …])\` runs through a shell${WHOLE}`,
  },
  {
    name: 'asyncio.create_subprocess_shell with .format: the argument-list fix',
    source: `import asyncio
from flask import request


async def ping():
    host = request.args["host"]
    proc = await asyncio.create_subprocess_shell("ping -c 1 {}".format(host))
    return await proc.wait()
`,
    line: 7,
    severity: 'error',
    message: `Command injection: \`host\` (request value request.args) is interpolated into the command line that \`asyncio.create_subprocess_shell()\` runs through a shell${BUILT}`,
    fixTitle: 'Run without a shell (argument list)',
  },
  {
    name: 'asyncio.create_subprocess_exec starting sh -c on a parameter',
    source: `import asyncio


async def run_script(script):
    return await asyncio.create_subprocess_exec("sh", "-c", script)
`,
    line: 5,
    severity: 'error',
    message: `Command injection: \`script\` (parameter script) is the whole command line that \`asyncio.create_subprocess_exec("sh", "-c", …)\` runs through a shell${WHOLE}`,
  },
  {
    name: 'commands.getoutput with a command-line argument',
    source: `import sys
from subprocess import getoutput

print(getoutput(sys.argv[2]))
`,
    line: 4,
    severity: 'warning',
    message: `Shell command taken from outside the program: \`sys.argv[2]\` (command-line argument sys.argv[2]) is the whole command line that \`getoutput()\` runs through a shell${WHOLE}`,
  },
];

const safe: SafeCase[] = [
  { name: 'a constant command', source: `import os\n\nos.system("ls -la")\n` },
  {
    name: 'a module constant',
    source: `import subprocess

HEALTH_CHECK = "curl -fsS http://localhost:8000/health"


def check():
    return subprocess.run(HEALTH_CHECK, shell=True).returncode
`,
  },
  {
    name: 'an argument list without a shell (argument injection is another matter)',
    source: `import subprocess
from flask import request


def listing():
    return subprocess.run(["ls", request.args["dir"]], capture_output=True).stdout
`,
  },
  {
    name: 'a string without shell=True runs one program',
    source: `import subprocess
import sys

subprocess.run(sys.argv[1])
`,
  },
  {
    name: 'shlex.quote() and shlex.join()',
    source: `import shlex
import subprocess
from flask import request


def archive():
    name = request.args["name"]
    cmd = "tar czf backup.tgz " + shlex.quote(name)
    subprocess.run(cmd, shell=True)
    subprocess.run(shlex.join(["ls", "-l", name]), shell=True)
`,
  },
  {
    name: 'a value checked against an allowlist before it runs',
    source: `import os
from flask import abort, request

ALLOWED = {"uptime", "df -h"}


def run():
    cmd = request.args.get("cmd", "")
    if cmd not in ALLOWED:
        abort(400)
    os.system(cmd)
`,
  },
  {
    name: 'a value run only inside `if cmd in ALLOWED:`',
    source: `import subprocess
from flask import request

ALLOWED = ["uptime", "whoami"]


def run():
    cmd = request.args["cmd"]
    if cmd in ALLOWED:
        return subprocess.check_output(cmd, shell=True)
    return "no"
`,
  },
  {
    name: 'a command looked up with the request value',
    source: `import os
from flask import request

COMMANDS = {"disk": "df -h", "load": "uptime"}


def run():
    os.system(COMMANDS[request.args["name"]])
    os.system(COMMANDS.get(request.args["name"], "true"))
`,
  },
  {
    name: 'sh -c with a constant script and the value as a positional parameter',
    source: `import subprocess
from flask import request


def greet():
    subprocess.run(["sh", "-c", 'echo "hello $1"', "--", request.args["name"]])
`,
  },
  {
    name: 'a private helper only ever called with constants',
    source: `import subprocess


def _run(cmd):
    return subprocess.run(cmd, shell=True, check=True)


def build():
    _run("make")
    _run(cmd="make install")
`,
  },
  {
    name: 'a helper building a command, only ever called with constants',
    source: `import os


def ping(host):
    return os.system("ping -c 1 " + host)


def check():
    return ping("localhost")
`,
  },
  {
    name: 'a loop over constant commands',
    source: `import os

for step in ["make", "make test"]:
    os.system(step)
`,
  },
  {
    name: 'an attribute of self and a value from an unknown function',
    source: `import os


class Job:
    def __init__(self, command):
        self.command = command

    def start(self):
        os.system(self.command)
        os.system(load_command())
`,
  },
];

describe('string-built-command: whole commands in Python', () => {
  for (const expected of reported) {
    it(`reports ${expected.name}`, async () => checkTrueCase(PATH, expected));
  }
  for (const look of safe) {
    it(`leaves alone ${look.name}`, async () => checkSafeCase(PATH, look));
  }

  it('the gate before parsing lets through an sh -c argument list without shell=True', () => {
    assert.equal(mayHoldSink('import subprocess\nsubprocess.run(["sh", "-c", script])\n', 'shell'), true);
    assert.equal(mayHoldSink('import subprocess\nsubprocess.run(\n    [\n        "/bin/bash",\n        "-lc",\n        script,\n    ]\n)\n', 'shell'), true);
    assert.equal(mayHoldSink('import subprocess\nsubprocess.run(["ls", "-c"])\n', 'shell'), false);
  });
});
