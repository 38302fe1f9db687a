#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: a fresh cluster under target/postgres,
# on its own port and socket folder, as the `postgres` user when run as root (the server
# refuses root), stopped when the command ends, whether it passed or not. The command finds
# the server in WALLET_HELP_TEST_POSTGRES. The server also speaks TLS with a certificate for
# 127.0.0.1 from a CA made here, whose certificate is in WALLET_HELP_TEST_POSTGRES_CA.
#   scripts/with-postgres.sh cargo test -p wallet-help-collector
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "with-postgres: PostgreSQL is not installed; run scripts/setup.sh" >&2
  exit 1
fi
dir=$PWD/target/postgres
port=${WALLET_HELP_PG_PORT:-54329}
as_owner=()
if [ "$(id -u)" = 0 ]; then as_owner=(runuser -u postgres --); fi

# A server left by an interrupted run would hold the port.
if [ -f "$dir/data/postmaster.pid" ]; then
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
fi
rm -rf "$dir"
mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=wallet-help test CA" \
  -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$dir/server.ext"
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
  -extfile "$dir/server.ext" -out "$dir/server.pem" 2>/dev/null
chmod 600 "$dir/server.key"
if [ "$(id -u)" = 0 ]; then chown postgres "$dir/server.key" "$dir/server.pem"; fi
# -l: without a log file the server keeps this script's output open, and callers wait forever.
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c ssl=on \
      -c ssl_cert_file=$dir/server.pem -c ssl_key_file=$dir/server.key" start >/dev/null
trap '"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null' EXIT

export WALLET_HELP_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres"
export WALLET_HELP_TEST_POSTGRES_CA="$dir/ca.pem"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
