// Help texts: `lastline --help` and `lastline <command> --help`.
export const VERSION = '0.1.0';

export const MAIN_HELP = `lastline ${VERSION} — guards code written by AI assistants

Usage: lastline <command> [options]

Commands:
  scan [paths…]   find silenced checks, string-built queries/commands, open routes, secrets and
                  vulnerable dependencies
  routes [paths…] list the HTTP routes with their full path, handler and effective auth
  deps [paths…]   list the dependencies with the version checked and their advisories (OSV.dev)
  rules           list the rules with their category, default level and docs
  record          record an AI agent's edit from its hook event on stdin (agents run it)
  ai [paths…]     list the lines AI assistants wrote, in the working tree and the index
  review          review the staged AI-written hunks in this terminal (--list only lists)
  verify <range>  CI: fail when a commit with AI-written lines has no review marker
  notes push|fetch  move Lastline's notes (provenance, reviews) to and from a remote
  hooks           the commit gate (install, uninstall, status) and the agents' hooks (install-agent, …)

Options:
  -h, --help      show help (also: lastline <command> --help)
  -v, --version   print the version

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, config or internal error.
Configuration: .lastline.json at the project root (JSONC). Docs: README.md.`;

export const SCAN_HELP = `Usage: lastline scan [paths…] [options]

Scans files and folders (default: the current folder). Honours .gitignore and the config's
"exclude" globs; never enters .git or node_modules; skips binary files and files over
"maxFileSize" and says so.

Options:
  -f, --format <text|json|sarif>   output format (default: text)
  -o, --output <file>              write the report to a file instead of stdout
      --staged                     scan the staged content (the git index), not the working tree
      --fix                        apply the fixes marked safe, then report what remains
      --fail-on <error|warning|info>
                                   lowest severity that makes the exit code 1 (default: warning)
      --category <name[,name…]>    only rules of these categories (repeatable): inline-secret,
                                   open-route, string-built-query, string-built-command,
                                   suppression
  -j, --jobs <n>                   threads to scan on (default: one per CPU with 4 or more
                                   CPUs, for trees of 200 files or more; else 1)
      --no-cache                   neither use nor update the result cache (.git/lastline/
                                   scan-cache.json, or the user's cache folder outside git)
      --offline                    check dependencies against the local advisory cache only
                                   (otherwise package names and versions are sent to OSV.dev)
      --verbose                    list every skipped file and parse problem
  -h, --help                       show this help`;

export const DEPS_HELP = `Usage: lastline deps [paths…] [options]
       lastline deps sync [npm] [PyPI]

Lists the dependencies that the manifests and lock files under the given paths (package.json,
package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, requirements*.txt,
pyproject.toml, Pipfile, Pipfile.lock, poetry.lock, uv.lock) (default: the current folder) declare or lock: the
version checked (the pin, or what the lock file resolves), where, and its status — vulnerable (the
OSV.dev advisories, their severity and first fixed version), ok, unresolved (a range without a
lock file) or not checked. Only ecosystem, package names and versions are sent to OSV.dev;
to the npm registry and PyPI, only the names of declared packages (do they exist, how old are
they). Answers are cached in the user's cache folder.

Options:
  -f, --format <text|json>   output format (default: text)
      --offline              use only the local advisory cache, and say what it lacks
      --verbose              log what is looked up
  -h, --help                 show this help

\`deps sync\` downloads OSV's export of every advisory of an ecosystem (the ecosystems named, else
those the current folder's dependency files use) and keeps an index of it in the user's cache
folder: advisory look-ups are then answered on this machine, also with --offline (CI runners,
air-gapped machines). Run it again to update; an unchanged export is not downloaded again. Only
the export's address is requested. (A folder named "sync" is listed with \`lastline deps ./sync\`.)

Exit codes: 0 nothing vulnerable, 1 a vulnerable dependency, 2 dependencies not checked (the
service failed; not with --offline), usage or config error. \`deps sync\`: 0 synced, 2 failed.
Environment: LASTLINE_OSV_URL, LASTLINE_OSV_EXPORT_URL, LASTLINE_NPM_REGISTRY_URL,
LASTLINE_PYPI_URL (mirrors), LASTLINE_OFFLINE=1 (as --offline), HTTPS_PROXY / HTTP_PROXY / NO_PROXY.`;

export const ROUTES_HELP = `Usage: lastline routes [paths…] [options]

Lists the HTTP routes of the project (Express, Fastify, Koa, NestJS, Next.js, Flask, FastAPI,
Django) declared under the given paths (default: the current folder): method, full path with
mount prefixes, where it is declared, and its effective auth — guarded (by what, and whether on
the route, its router/app or project-wide), public (why), or open. In a monorepo, routes are
listed under the folder of their app (project-wide auth reaches only its own app). The whole
project is read to resolve mounts and guards, whatever the paths.

Options:
  -f, --format <text|json>   output format (default: text)
      --verbose              report files whose routes could not be read
  -h, --help                 show this help`;

export const RULES_HELP = `Usage: lastline rules [--format text|json]

Lists every rule: id, category, default level, whether it has fixes, and its documentation.`;

export const AI_HELP = `Usage: lastline ai [paths…] [options]

Lists the lines AI assistants wrote (as recorded by \`lastline record\` from the agents' hooks), in
the working tree and in the index: file and lines, tool and model, when, and whether a person has
reviewed them. A line a person has since rewritten is no longer listed.

Options:
  -f, --format <text|json>   output format (default: text)
  -h, --help                 show this help`;

export const REVIEW_HELP = `Usage: lastline review [--list]

Walks the AI-written hunks of the staged content that no person has approved: each hunk with its
context and the findings in it, then [a]pprove, [r]eject (removes the lines from the index and the
working tree, after a confirmation), [s]kip or [q]uit. The review is recorded with your git
user.name and user.email and the hunk's content: editing an approved hunk makes it unreviewed.

Approval needs a person: an interactive terminal on stdin and stdout, outside any AI agent's
environment. There is no option that approves.

Options:
  --list       only list the staged AI-written hunks and who approved them
  -h, --help   show this help`;

export const VERIFY_HELP = `Usage: lastline verify <rev-range>

For CI: exits 1 when a commit in the range holds AI-written lines (from its refs/notes/ai note) but
no "AI-Reviewed-by" or "AI-Review-Waived" trailer, and names each; this catches
\`git commit --no-verify\`. Fetch the notes first: lastline notes fetch origin.`;
