#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, if their binaries are missing.
# Idempotent and fast (<1 s) when everything is present: it only checks files.
# Needs root for installing (as on CI); without root it only reports what is missing.
set -euo pipefail

# package -> binaries that prove it is installed (all must exist)
declare -A CHECKS=(
  [postgresql]="/usr/lib/postgresql/15/bin/initdb /usr/lib/postgresql/15/bin/pg_ctl /usr/lib/postgresql/15/bin/postgres"
  [chromium]="/usr/bin/chromium"
  [libxml2-utils]="/usr/bin/xmllint"
  [poppler-utils]="/usr/bin/pdftotext /usr/bin/pdftoppm"
  [slapd]="/usr/sbin/slapd"
  [ldap-utils]="/usr/bin/ldapadd /usr/bin/ldapsearch"
  [dovecot-imapd]="/usr/sbin/dovecot /usr/lib/dovecot/imap"
)
ORDER=(postgresql chromium libxml2-utils poppler-utils slapd ldap-utils dovecot-imapd)

missing=()
for pkg in "${ORDER[@]}"; do
  for bin in ${CHECKS[$pkg]}; do
    if [[ ! -x "$bin" ]]; then missing+=("$pkg"); break; fi
  done
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "ensure-system-packages: all present (${ORDER[*]})"
  exit 0
fi

echo "ensure-system-packages: missing: ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "ensure-system-packages: not root, cannot install; run as root: apt-get install ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
export APT_LISTCHANGES_FRONTEND=none

# Keep package post-install scripts from starting system services (slapd, dovecot,
# the postgresql main cluster): we start our own throwaway instances in tests.
created_policy=""
APT_LOG=$(mktemp "${TMPDIR:-/tmp}/kontor-apt.XXXXXX.log")
if [[ ! -e /usr/sbin/policy-rc.d ]]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod 755 /usr/sbin/policy-rc.d
  created_policy=1
  echo "ensure-system-packages: temporary /usr/sbin/policy-rc.d blocks service starts"
fi
cleanup() {
  if [[ -n "$created_policy" ]]; then rm -f /usr/sbin/policy-rc.d; fi
  rm -f -- "$APT_LOG"
}
trap cleanup EXIT

# slapd: do not let its postinst build a default directory; tests write their own slapd.conf.
if [[ " ${missing[*]} " == *" slapd "* ]]; then
  echo "ensure-system-packages: preseeding debconf slapd/no_configuration=true"
  echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
fi

APT_OPTS=(-y -q --no-install-recommends -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

echo "ensure-system-packages: apt-get update"
apt-get update -q >"$APT_LOG" 2>&1 || { tail -n 50 "$APT_LOG" >&2; exit 1; }

echo "ensure-system-packages: apt-get install ${missing[*]}"
if ! apt-get install "${APT_OPTS[@]}" "${missing[@]}" >"$APT_LOG" 2>&1; then
  tail -n 50 "$APT_LOG" >&2
  exit 1
fi

# Should a service have started anyway (no policy-rc.d honoured), stop it: tests run their own.
for svc in slapd dovecot postgresql; do
  if [[ -x /etc/init.d/$svc ]] && /etc/init.d/$svc status >/dev/null 2>&1; then
    echo "ensure-system-packages: stopping system service $svc"
    /etc/init.d/$svc stop >/dev/null 2>&1 || true
  fi
done
if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
  for svc in slapd dovecot postgresql; do
    if systemctl is-active --quiet "$svc" 2>/dev/null; then
      echo "ensure-system-packages: stopping and disabling systemd unit $svc"
      systemctl disable --now "$svc" >/dev/null 2>&1 || true
    fi
  done
fi

still=()
for pkg in "${ORDER[@]}"; do
  for bin in ${CHECKS[$pkg]}; do
    if [[ ! -x "$bin" ]]; then still+=("$pkg:$bin"); fi
  done
done
if [[ ${#still[@]} -gt 0 ]]; then
  echo "ensure-system-packages: still missing after install: ${still[*]}" >&2
  exit 1
fi
echo "ensure-system-packages: installed ${missing[*]}"
