// Java and Kotlin. What each suppress annotation can name, and which names are security checks:
// - SonarQube's keys (sonar.ts).
// - PMD (pmd.github.io, rule categories): `PMD` is every rule; its "security" category is
//   HardCodedCryptoKey (a key in the source: an inline secret) and InsecureCryptoIv for Java, and
//   the Apex security rules.
// - IntelliJ's inspections against SQL built from strings (JDBCExecuteWithNonConstantString,
//   JDBCPrepareStatementWithNonConstantString, SqlSourceToSinkFlow) and Error Prone's security
//   checks (errorprone.info/bugpatterns: InsecureCipherMode, BanJNDI, BanSerializableRead,
//   BanClassLoader). javac's lint names (`unchecked`, `rawtypes`, `deprecation`), Checkstyle's
//   and detekt's are not security checks.
// - SpotBugs (spotbugs.readthedocs.io, bug descriptions, category SECURITY) and Find Security Bugs
//   (find-sec-bugs.github.io/bugs.htm): a suppression names a pattern or a prefix of patterns
//   (`SQL` covers `SQL_INJECTION_JDBC`), or the category `SECURITY`.
// - Android Lint's Security category (googlesamples' lint checks, `lint --list`): AuthLeak finds
//   credentials in URLs, an inline secret.
import type { Category } from '../../types';
import type { IdsByCategory, ToolChecks } from './model';
import { isSonarSecurityKey, sonarKeyHides } from './sonar';

const PMD_SECURITY = new Set([
  'HardCodedCryptoKey',
  'InsecureCryptoIv',
  'ApexBadCrypto',
  'ApexCRUDViolation',
  'ApexCSRF',
  'ApexDangerousMethods',
  'ApexInsecureEndpoint',
  'ApexOpenRedirect',
  'ApexSharingViolations',
  'ApexSOQLInjection',
  'ApexSuggestUsingNamedCred',
  'ApexXSSFromEscapeFalse',
  'ApexXSSFromURLParam',
]);
const PMD_BY_CATEGORY: IdsByCategory = { 'inline-secret': ['HardCodedCryptoKey'], 'string-built-query': ['ApexSOQLInjection'] };

const INSPECTIONS_BY_CATEGORY: IdsByCategory = {
  'string-built-query': ['JDBCExecuteWithNonConstantString', 'JDBCPrepareStatementWithNonConstantString', 'SqlSourceToSinkFlow'],
};
const OTHER_INSPECTIONS = new Set(['InsecureCipherMode', 'BanJNDI', 'BanSerializableRead', 'BanClassLoader']);

/** `PMD` or `PMD.Rule` (any category prefix such as `PMD.security`) → the rule names it covers. */
function pmdRules(id: string): 'all' | string | undefined {
  if (id === 'PMD') return 'all';
  return id.startsWith('PMD.') ? id.slice(id.lastIndexOf('.') + 1) : undefined;
}

/**
 * PMD's key rule fires on a key handed to a cipher, not on every token in a string: only a
 * directive that names it is taken to hide an inline secret, not `PMD` or the no-PMD marker.
 */
function pmdHides(id: string, category: Category): boolean {
  const rule = pmdRules(id);
  return rule !== undefined && rule !== 'all' && (PMD_BY_CATEGORY[category] ?? []).includes(rule);
}

function isPmdSecurity(id: string): boolean {
  const rule = pmdRules(id);
  return rule === 'all' || (rule !== undefined && PMD_SECURITY.has(rule));
}

const BLANKET: readonly Category[] = ['inline-secret', 'string-built-query', 'string-built-command'];

/** `@SuppressWarnings` in Java, and in Kotlin. */
export const JAVA_CHECKS: ToolChecks = {
  blanketHides: BLANKET,
  hides: (id, category) => sonarKeyHides(id, category) || pmdHides(id, category) || (INSPECTIONS_BY_CATEGORY[category] ?? []).includes(id),
  isSecurity: (id) =>
    isSonarSecurityKey(id) || isPmdSecurity(id) || OTHER_INSPECTIONS.has(id) || Object.values(INSPECTIONS_BY_CATEGORY).some((ids) => ids?.includes(id)),
};

const ANDROID_LINT_SECURITY = new Set([
  'AddJavascriptInterface',
  'AllowAllHostnameVerifier',
  'AllowBackup',
  'AuthLeak',
  'BadHostnameVerifier',
  'EasterEgg',
  'ExportedContentProvider',
  'ExportedPreferenceActivity',
  'ExportedReceiver',
  'ExportedService',
  'GetInstance',
  'GrantAllUris',
  'HardcodedDebugMode',
  'InsecureBaseConfiguration',
  'JavascriptInterface',
  'PackageManagerGetSignatures',
  'PackagedPrivateKey',
  'SSLCertificateSocketFactoryCreateSocket',
  'SSLCertificateSocketFactoryGetInsecure',
  'SecureRandom',
  'SetJavaScriptEnabled',
  'SetWorldReadable',
  'SetWorldWritable',
  'TrulyRandom',
  'TrustAllX509TrustManager',
  'UnprotectedSMSBroadcastReceiver',
  'UnsafeDynamicallyLoadedCode',
  'UnsafeNativeCodeLocation',
  'UnsafeProtectedBroadcastReceiver',
  'UseCheckPermission',
  'WorldReadableFiles',
  'WorldWriteableFiles',
]);

/** AuthLeak looks for credentials in URLs only: naming it hides one; `all` is taken to hide no key. */
export const ANDROID_LINT_CHECKS: ToolChecks = {
  blanketHides: [],
  hides: (id, category) => category === 'inline-secret' && id === 'AuthLeak',
  isSecurity: (id) => ANDROID_LINT_SECURITY.has(id),
};

/** Kotlin's `@Suppress`: SonarQube's keys and Android Lint's ids among the compiler's and detekt's names. */
export const KOTLIN_CHECKS: ToolChecks = {
  blanketHides: BLANKET,
  hides: (id, category) => sonarKeyHides(id, category) || ANDROID_LINT_CHECKS.hides(id, category),
  isSecurity: (id) => isSonarSecurityKey(id) || ANDROID_LINT_SECURITY.has(id),
};

const SPOTBUGS_BY_CATEGORY: IdsByCategory = {
  'inline-secret': ['HARD_CODE_PASSWORD', 'HARD_CODE_KEY', 'DMI_CONSTANT_DB_PASSWORD', 'DMI_EMPTY_DB_PASSWORD'],
  'string-built-query': [
    'SQL_NONCONSTANT_STRING_PASSED_TO_EXECUTE',
    'SQL_PREPARED_STATEMENT_GENERATED_FROM_NONCONSTANT_STRING',
    'SQL_INJECTION',
    'SQL_INJECTION_JDBC',
    'SQL_INJECTION_JPA',
    'SQL_INJECTION_JDO',
    'SQL_INJECTION_HIBERNATE',
    'SQL_INJECTION_SPRING_JDBC',
    'SQL_INJECTION_TURBINE',
    'SQL_INJECTION_ANDROID',
    'SQL_INJECTION_VERTX',
    'SQL_INJECTION_R2DBC',
    'SCALA_SQL_INJECTION_SLICK',
    'SCALA_SQL_INJECTION_ANORM',
    'AWS_QUERY_INJECTION',
  ],
  'string-built-command': ['COMMAND_INJECTION', 'SCALA_COMMAND_INJECTION'],
};
const SPOTBUGS_OTHER_SECURITY = [
  'HRS_REQUEST_PARAMETER_TO_COOKIE',
  'HRS_REQUEST_PARAMETER_TO_HTTP_HEADER',
  'PT_ABSOLUTE_PATH_TRAVERSAL',
  'PT_RELATIVE_PATH_TRAVERSAL',
  'XSS_REQUEST_PARAMETER_TO_JSP_WRITER',
  'XSS_REQUEST_PARAMETER_TO_SEND_ERROR',
  'XSS_REQUEST_PARAMETER_TO_SERVLET_WRITER',
  'XSS_SERVLET',
  'XSS_JSP_PRINT',
  'PATH_TRAVERSAL_IN',
  'PATH_TRAVERSAL_OUT',
  'LDAP_INJECTION',
  'XPATH_INJECTION',
  'SCRIPT_ENGINE_INJECTION',
  'SPEL_INJECTION',
  'EL_INJECTION',
  'OGNL_INJECTION',
  'CUSTOM_INJECTION',
  'HTTP_RESPONSE_SPLITTING',
  'CRLF_INJECTION_LOGS',
  'SMTP_HEADER_INJECTION',
  'XXE_SAXPARSER',
  'XXE_XMLREADER',
  'XXE_DOCUMENT',
  'XXE_XMLSTREAMREADER',
  'XXE_DTD_TRANSFORM_FACTORY',
  'XXE_XSLT_TRANSFORM_FACTORY',
  'OBJECT_DESERIALIZATION',
  'JACKSON_UNSAFE_DESERIALIZATION',
  'UNVALIDATED_REDIRECT',
  'URLCONNECTION_SSRF_FD',
  'WEAK_TRUST_MANAGER',
  'WEAK_HOSTNAME_VERIFIER',
  'PREDICTABLE_RANDOM',
  'WEAK_MESSAGE_DIGEST_MD5',
  'WEAK_MESSAGE_DIGEST_SHA1',
  'CIPHER_INTEGRITY',
  'ECB_MODE',
  'STATIC_IV',
  'DES_USAGE',
  'TDES_USAGE',
  'INSECURE_COOKIE',
  'HTTPONLY_COOKIE',
  'PERMISSIVE_CORS',
  'SPRING_CSRF_PROTECTION_DISABLED',
  'TEMPLATE_INJECTION_VELOCITY',
  'TEMPLATE_INJECTION_FREEMARKER',
  'TEMPLATE_INJECTION_PEBBLE',
  'TRUST_BOUNDARY_VIOLATION',
  'REDOS',
  'FORMAT_STRING_MANIPULATION',
];
const SPOTBUGS_SECURITY = [...Object.values(SPOTBUGS_BY_CATEGORY).flatMap((patterns) => patterns ?? []), ...SPOTBUGS_OTHER_SECURITY];

export const SPOTBUGS_CHECKS: ToolChecks = {
  blanketHides: BLANKET,
  // SpotBugs matches a suppression as a prefix of the pattern (ClassWarningSuppressor).
  hides: (id, category) => id === 'SECURITY' || (SPOTBUGS_BY_CATEGORY[category] ?? []).some((pattern) => pattern.startsWith(id)),
  isSecurity: (id) => id === 'SECURITY' || SPOTBUGS_SECURITY.some((pattern) => pattern.startsWith(id)),
};

/** PMD's marker silences every PMD rule on its line, its two security rules among them. */
export const PMD_CHECKS: ToolChecks = {
  blanketHides: [],
  hides: pmdHides,
  isSecurity: isPmdSecurity,
};
