#!/bin/sh
# Checks a Fieldfolio bag's signature with openssl alone, no Fieldfolio needed.
# Usage: sh verify-signature.sh <unzipped bag folder>      (prints the signer's fingerprint; exit 0 = valid)
# signature.json holds an ECDSA P-256 signature over tagmanifest-sha256.txt in IEEE P1363 form (r||s, 64 bytes),
# and the public key as SPKI DER; openssl wants the signature as DER, built here from r and s.
set -eu
bag=${1:?usage: verify-signature.sh <bag folder>}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
field() { sed -n "s/^ *\"$1\": \"\(.*\)\",\{0,1\}\$/\1/p" "$bag/signature.json"; }

{ echo '-----BEGIN PUBLIC KEY-----'; field publicKey | fold -w 64; echo '-----END PUBLIC KEY-----'; } > "$work/key.pem"
field signature | base64 -d > "$work/sig.bin"
[ "$(wc -c < "$work/sig.bin")" -eq 64 ] || { echo "signature is not 64 bytes (r||s)" >&2; exit 1; }
hex() { od -An -v -tx1 | tr -d ' \n'; }
r=$(head -c 32 "$work/sig.bin" | hex)
s=$(tail -c 32 "$work/sig.bin" | hex)
printf 'asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x%s\ns=INTEGER:0x%s\n' "$r" "$s" > "$work/sig.cnf"
openssl asn1parse -genconf "$work/sig.cnf" -out "$work/sig.der" -noout
# The fingerprint people compare: the first 16 bytes of SHA-256 over the SPKI DER.
printf 'signer fingerprint: %s\n' "$(field publicKey | base64 -d | openssl dgst -sha256 -binary | head -c 16 | hex | sed 's/../&:/g; s/:$//')"
openssl dgst -sha256 -verify "$work/key.pem" -signature "$work/sig.der" "$bag/tagmanifest-sha256.txt"
