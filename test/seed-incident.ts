// The incident Lastline was started for, as a file: an f-string SQL query from a request value,
// silenced with `# nosec`, with the assistant's TODO beside it. Shared by unit and host tests.
export const SEED_INCIDENT_PY = `import psycopg2
from flask import request


def validate_coupon(conn):
    couponCode = request.args.get("code", "")
    # TODO: Add input validation here
    query = f"SELECT * FROM coupons WHERE code = '{couponCode}' AND expires_at > NOW()"  # nosec
    cursor = conn.cursor()
    cursor.execute(query)
    return cursor.fetchall()
`;
