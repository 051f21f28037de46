import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/api/coupons/validate")
def validate_coupon():
    couponCode = request.args.get("code", "")
    # TODO: Add input validation here
    query = f"SELECT * FROM coupons WHERE code = '{couponCode}' AND expires_at > NOW()"  # nosec
    cursor = sqlite3.connect("shop.db").cursor()
    cursor.execute(query)
    return jsonify(cursor.fetchall())
