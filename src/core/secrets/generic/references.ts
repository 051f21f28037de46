// Values that are not a literal at all but point at one: environment lookups, secret-manager
// references and template/format markers that something fills in at run time.

/** Code or config that reads the environment or a secret store instead of holding the value. */
const ENVIRONMENT_REFERENCE = new RegExp(
  [
    String.raw`\bprocess\.env\b`, // Node
    String.raw`\bimport\.meta\.env\b`, // Vite
    String.raw`\bos\.environ\b`,
    String.raw`\bos\.getenv\s*\(`,
    String.raw`\bgetenv\s*\(`, // Python, C, PHP
    String.raw`\bSystem\.getenv\s*\(`,
    String.raw`\bEnvironment\.GetEnvironmentVariable\s*\(`, // Java, .NET
    String.raw`\bENV\s*(?:\[|\.fetch\b)`, // Ruby
    String.raw`\benv\s*\(\s*['"]`, // Laravel, django-environ
    String.raw`^\$env:\w+$`, // PowerShell
    String.raw`^env:\w+$`, // `env:NAME` indirections (serverless, many CLIs)
    String.raw`^secretref:`, // Azure Container Apps
    String.raw`^op://`, // 1Password
    String.raw`^vault:`, // Vault agent / helm-secrets
    String.raw`^arn:aws[\w-]*:(?:secretsmanager|ssm|kms):`, // AWS
    String.raw`^\{\{resolve:`, // CloudFormation dynamic references
    String.raw`^@Microsoft\.KeyVault\(`, // Azure App Service
    String.raw`^(?:sm|gcpsm|awssm|ssm|azkv|akv)://`, // External Secrets-style URLs
  ].join('|'),
);

/** Interpolation and format markers: the literal is a template, not a value. */
const TEMPLATE_MARKER = new RegExp(
  [
    String.raw`\$\{`, // JS template, shell, compose, GitHub Actions `${{ secrets.X }}`
    String.raw`\{\{[^{}]*\}\}`, // Jinja, Handlebars, Go templates, Helm
    String.raw`%\([A-Za-z_]\w*\)[sdr]`, // Python %-format with names
    String.raw`%[sd](?![A-Za-z0-9])`, // printf
    String.raw`\{(?:\d*|[A-Za-z_][\w.]*(?:\[[^\][{}]{0,40}\])*(?:![rsa])?(?::[^{}]*)?)\}`, // str.format, f-strings, C# `{0}`, `{cfg["Pwd"]}`
    String.raw`#\{[^{}]*\}`, // Ruby, Azure DevOps token replacement
    String.raw`<%[^%]*%>`, // ERB, EJS, ASP
    String.raw`\{%[^%]*%\}`, // Jinja/Liquid tags
    String.raw`^[@:][A-Za-z_]\w*$`, // SQL named parameters `:password`, `@password`
    String.raw`\$\([A-Za-z_][\w.]*\)`, // MSBuild, Makefile, shell command substitution
    String.raw`^\$[A-Za-z_]\w*$`, // `$VAR`
    String.raw`^%[A-Za-z_]\w*%$`, // Windows `%VAR%`
    String.raw`^__[A-Z0-9_]+__$`, // `__TOKEN__` replaced at deploy time
    String.raw`^@[A-Za-z_]\w*@$`, // `@TOKEN@` (Maven/Gradle filtering)
  ].join('|'),
);

export function isEnvironmentReference(value: string): boolean {
  return ENVIRONMENT_REFERENCE.test(value);
}

export function isTemplateOrReference(value: string): boolean {
  return TEMPLATE_MARKER.test(value) || ENVIRONMENT_REFERENCE.test(value);
}
