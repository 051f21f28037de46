// Generic secret judgement for the `generic-secret` and `credentialed-uri` rules: pure, linear
// functions over a candidate value or a text. The rules decide where to look and how to report.
export { detectConnectionStringKeys } from './connection-string-keys';
export { detectConnectionStringPasswords, CONNECTION_STRING_KIND } from './connection-strings';
export { detectCredentialedUris } from './credentialed-uris';
export { shannonEntropy } from './entropy';
export { hostLocality, type HostLocality } from './host-locality';
export { judgeNamedValue, MAX_JUDGED_LENGTH, MIN_PASSWORD_LENGTH, MIN_SECRET_LENGTH } from './judge-named-value';
export { isPlaceholderValue } from './placeholders';
export { ENTROPY_RATIO_THRESHOLD, looksMachineGenerated, MIN_TOKEN_LENGTH } from '../randomness';
export { isEnvironmentReference, isTemplateOrReference } from './references';
export { classifySecretName, SECRET_NAME_WORDS, type NameVerdict } from './secret-names';
export type { EmbeddedSecretMatch, GenericVerdict, NamedValueCandidate, SecretKind } from './types';
