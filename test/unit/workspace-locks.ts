// A uv workspace's lock file, as uv writes it, for the tests of workspace resolution and of the
// CLI: the root project `shop` (virtual) and the member `api` (apps/api), which requires flask;
// `tool` (tools/tool) is a path dependency of the root, locked but not a member.
export const UV_WORKSPACE_LOCK = `version = 1
requires-python = ">=3.11"

[manifest]
members = [
    "api",
    "shop",
]

[[package]]
name = "api"
version = "0.1.0"
source = { editable = "apps/api" }
dependencies = [
    { name = "flask" },
]

[package.metadata]
requires-dist = [{ name = "flask", specifier = ">=2" }]

[[package]]
name = "flask"
version = "2.2.2"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "requests"
version = "2.31.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "shop"
version = "0.1.0"
source = { virtual = "." }
dependencies = [
    { name = "api" },
    { name = "tool" },
]

[[package]]
name = "tool"
version = "0.1.0"
source = { editable = "tools/tool" }
dependencies = [
    { name = "requests" },
]
`;
