#!/usr/bin/env bash
# A real WordPress for the browser tests (tests/e2e/wordpress.test.ts), offline: Debian's
# wordpress package, a private MariaDB and PHP's built-in server on 127.0.0.1, the plugin from
# the built zip, a default theme, and posts written by an Author. Prints the posts' addresses as
# JSON on the last line. Safe to run again: it stops what an earlier run started and starts over
# with a fresh database. Facts it relies on: docs/wordpress.md ("Trying it locally").
#
#   scripts/wordpress/setup.sh <kit url> [dist dir]     start (the kit must be served at <kit url>)
#   scripts/wordpress/setup.sh --stop                   stop
#
# Environment: RK_WP_PORT (4681), RK_WP_STATE (/tmp/reconnect-kit-wordpress).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
state="${RK_WP_STATE:-/tmp/reconnect-kit-wordpress}"
port="${RK_WP_PORT:-4681}"
db_port=$((port + 1))

stop() {
  for name in php mariadb; do
    if [ -f "$state/$name.pid" ]; then
      pid="$(cat "$state/$name.pid")"
      # Each was started with setsid, so its process group is its own (PHP's workers included).
      kill -- "-$pid" 2>/dev/null || true
      # MariaDB shuts down gracefully; a new one on the same port and files must wait for it.
      for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      rm -f "$state/$name.pid"
    fi
  done
}

# Whether something answers on 127.0.0.1:$1.
listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_for() {
  for _ in $(seq 1 100); do
    listening "$1" && return 0
    sleep 0.1
  done
  echo "Nothing answers on 127.0.0.1:$1 after 10 s (see $state/$2.log)." >&2
  exit 1
}

if [ "${1:-}" = "--stop" ]; then
  stop
  exit 0
fi

kit="${1:?usage: setup.sh <kit url> [dist dir]}"
kit="${kit%/}/"
dist="${2:-$here/../../dist}"
for need in php mariadbd mariadb-install-db /usr/share/wordpress/wp-load.php; do
  if ! command -v "$need" >/dev/null && [ ! -e "$need" ]; then
    echo "WordPress is not installed here ($need is missing): apt-get install wordpress php-cli php-mysql mariadb-server" >&2
    exit 3
  fi
done
zip="$(ls "$dist"/wordpress/reconnect-kit-*.zip 2>/dev/null | head -n 1)"
[ -n "$zip" ] || { echo "No plugin zip in $dist/wordpress/: build the site first (npm run build)." >&2; exit 1; }

stop
for taken in "$port" "$db_port"; do
  if listening "$taken"; then
    echo "127.0.0.1:$taken is in use by another program; set RK_WP_PORT to another port." >&2
    exit 1
  fi
done
mkdir -p "$state"
content="$state/wp-content"
rm -rf "$content" "$state/db"
mkdir -p "$content/plugins" "$content/mu-plugins" "$content/uploads" "$state/db"
ln -s /var/lib/wordpress/wp-content/themes "$content/themes"
python3 -m zipfile -e "$zip" "$content/plugins/"
cp "$here/test-plugin.php" "$content/mu-plugins/reconnect-kit-test.php"

# MariaDB, private to this run: its own data folder, socket and port.
mariadb-install-db --no-defaults --datadir="$state/db" --user=root \
  --auth-root-authentication-method=socket --skip-test-db >"$state/mariadb-install.log" 2>&1
setsid mariadbd --no-defaults --user=root --datadir="$state/db" --socket="$state/mysql.sock" \
  --port="$db_port" --bind-address=127.0.0.1 --skip-log-bin >"$state/mariadb.log" 2>&1 &
echo $! >"$state/mariadb.pid"
wait_for "$db_port" mariadb
mariadb --no-defaults --socket="$state/mysql.sock" -u root -e \
  "CREATE DATABASE wordpress; CREATE USER 'wordpress'@'127.0.0.1' IDENTIFIED BY 'wordpress'; GRANT ALL ON wordpress.* TO 'wordpress'@'127.0.0.1';"

# Debian's wp-config.php loads /etc/wordpress/config-<host>.php for the Host header's host.
home="http://127.0.0.1:$port"
cat >/etc/wordpress/config-127.0.0.1.php <<PHP
<?php
// Written by scripts/wordpress/setup.sh for the browser tests.
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', 'wordpress' );
define( 'DB_HOST', '127.0.0.1:$db_port' );
define( 'WP_HOME', '$home' );
define( 'WP_SITEURL', '$home' );
define( 'WP_CONTENT_DIR', '$content' );
define( 'WP_CONTENT_URL', '$home/wp-content' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$state/debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'RK_TEST_KIT_PUBLIC', 'https://reconnect.example.com/' );
define( 'RK_TEST_KIT_LOCAL', '$kit' );
PHP

# PHP's server: workers, so a request that calls back into the same server does not hang.
RK_WP_CONTENT="$content" PHP_CLI_SERVER_WORKERS=4 setsid php -S "127.0.0.1:$port" \
  -t /usr/share/wordpress "$here/router.php" >"$state/php.log" 2>&1 &
echo $! >"$state/php.pid"
wait_for "$port" php

php "$here/install.php" "$home" "$kit" 2>>"$state/install.log" | tail -n 1
