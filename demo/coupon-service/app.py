import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)
DATABASE = "shop.db"


def connect():
    return sqlite3.connect(DATABASE)


@app.route("/api/coupons")
def list_coupons():
    # Parameterised: the driver quotes the value, so this query is safe.
    active = request.args.get("active", "1")
    rows = connect().execute("SELECT code, percent FROM coupons WHERE active = ?", (active,)).fetchall()
    return jsonify(rows)


@app.route("/api/coupons/validate")
def validate_coupon():
    couponCode = request.args.get("code", "")
    # TODO: Add input validation here
    query = f"SELECT * FROM coupons WHERE code = '{couponCode}' AND expires_at > NOW()"  # nosec
    cursor = connect().cursor()
    cursor.execute(query)
    return jsonify(cursor.fetchall())
