// Which plain-text files are shell scripts: their command lines are read for passwords (`mysql
// -p…`, `export PGPASSWORD=…`). Scripts are known by extension, by a shell shebang (`bin/deploy`),
// or as Makefiles, whose recipes and `export` lines are shell.

const SHELL_EXTENSIONS = /\.(?:sh|bash|zsh|ksh|dash|ash|bats|command|mk)$/i;
const MAKEFILES = /^(?:gnu)?makefile$/i;
/** `#!/bin/sh`, `#!/usr/bin/env bash`, `#!/bin/bash -eu`. */
const SHELL_SHEBANG = /^#![ \t]*\S*\/(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:ba|z|k|da|a)?sh\b/;

export function isShellScript(path: string, text: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return SHELL_EXTENSIONS.test(name) || MAKEFILES.test(name) || SHELL_SHEBANG.test(text.slice(0, 128));
}
