// Discord bot tokens: base64 of the bot's user id (a 17–20 digit snowflake) "." timestamp "." HMAC.
// The first part decoding to a snowflake is what tells a bot token from any dotted string.
// https://discord.com/developers/docs/reference#authentication

export function encodesSnowflake(token: string): boolean {
  const first = token.slice(0, token.indexOf('.'));
  if (first.length === 0) return false;
  const decoded = Buffer.from(first.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
  return /^[1-9][0-9]{16,19}$/.test(decoded);
}
