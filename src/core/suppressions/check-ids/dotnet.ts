// C#: the ids `#pragma warning` and `[SuppressMessage]` name. Sources:
// - .NET's code-analysis rules (learn.microsoft.com, "Security rules"): CA2100, CA2109, CA2119,
//   CA2153, the CA23xx deserialization rules, CA3001–CA3147 and CA5350–CA5405. CA2100/CA3001 find
//   SQL built from strings, CA3006 process command injection, CA5390 a hard-coded encryption key.
// - Security Code Scan (security-code-scan.github.io): every SCS id; SCS0001 command injection,
//   SCS0002/0014/0020/0025/0026/0035–0039 SQL injection, SCS0015 a hard-coded password.
// - SonarAnalyzer for C# (sonar.ts), whose ids are the rule keys (`S2077`).
// Compiler warnings (`CS0618`, `618`), IDE and StyleCop ids are not security checks.
import type { Category } from '../../types';
import type { IdsByCategory, ToolChecks } from './model';
import { isSonarSecurityKey, sonarKeyHides } from './sonar';

const DOTNET: IdsByCategory = {
  'inline-secret': ['CA5390', 'SCS0015'],
  'string-built-query': ['CA2100', 'CA3001', 'SCS0002', 'SCS0014', 'SCS0020', 'SCS0025', 'SCS0026', 'SCS0035', 'SCS0036', 'SCS0037', 'SCS0038', 'SCS0039'],
  'string-built-command': ['CA3006', 'SCS0001'],
};

function isAnalyzerSecurityId(id: string): boolean {
  const upper = id.toUpperCase();
  if (/^SCS\d{4}$/.test(upper)) return true;
  const ca = /^CA(\d{4})$/.exec(upper);
  if (!ca) return false;
  const number = Number(ca[1]);
  return (
    [2100, 2109, 2119, 2153].includes(number) || (number >= 2300 && number < 2400) || (number >= 3000 && number < 4000) || (number >= 5350 && number < 5500)
  );
}

export const CSHARP_CHECKS: ToolChecks = {
  blanketHides: Object.keys(DOTNET) as Category[],
  hides: (id, category) => (DOTNET[category] ?? []).includes(id.toUpperCase()) || sonarKeyHides(id, category),
  isSecurity: (id) => isAnalyzerSecurityId(id) || isSonarSecurityKey(id),
  narrowTo: { 'inline-secret': ['S2068', 'SCS0015'], 'string-built-query': ['CA2100', 'S2077'], 'string-built-command': ['CA3006', 'S4721'] },
};
