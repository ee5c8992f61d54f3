#!/usr/bin/env bash
# The packaging and fleet tests use Debian's makensis (the installer's custom script compiles) and ansible-playbook
# (the Ansible role runs against rehearsal hosts, with the ansible.windows collection Debian's ansible carries).
set -euo pipefail
missing=()
command -v makensis >/dev/null 2>&1 || missing+=(nsis)
command -v ansible-playbook >/dev/null 2>&1 || missing+=(ansible)
if [ ${#missing[@]} = 0 ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's ${missing[*]} for the packaging and fleet tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The packaging and fleet tests need Debian's ${missing[*]}: sudo apt-get install -y ${missing[*]}" >&2
exit 1
