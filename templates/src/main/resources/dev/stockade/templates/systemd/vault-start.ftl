#!/bin/bash
<@lines each=v.header prefix="# "/>
# Logs in to Vault with AppRole, reads each secret, exports its fields and execs the server.
# No secret reaches argv or disk: JSON goes through pipes, the token through a /dev/fd header file.
set -euo pipefail
umask 077

: "${r"${VAULT_ADDR:?is not set: add it to the EnvironmentFile of the unit}"}"
creds="${r"${CREDENTIALS_DIRECTORY:?is not set: run this from the systemd unit (LoadCredential=)}"}"

vault_login() {
  jq -n --rawfile role "$creds/vault-role-id" --rawfile secret "$creds/vault-secret-id" \
    '{role_id: ($role | rtrimstr("\n")), secret_id: ($secret | rtrimstr("\n"))}' |
    curl -sS --fail --max-time 30 --data-binary @- "$VAULT_ADDR/v1/auth/approle/login" |
    jq -er '.auth.client_token'
}

vault_read() {
  curl -sS --fail --max-time 30 -H @<(printf 'X-Vault-Token: %s\n' "$token") "$VAULT_ADDR/v1/$1"
}

# KV version 2 nests the fields under .data.data, other engines under .data.
vault_field() {
  printf '%s' "$1" | jq -er --arg f "$2" '(.data.data // .data)[$f] | if type == "string" then . else tojson end'
}

token=$(vault_login)
<#list v.reads as read>
secret=$(vault_read ${read.path})
<#list read.fields as field>
${field.name}=$(vault_field "$secret" ${field.field})
export ${field.name}
</#list>
</#list>
unset token secret creds

exec ${v.command}
