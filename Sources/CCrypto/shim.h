// Only the one-shot EVP digest is used (SHA-256 of the clinician token and session ids).
#include <openssl/evp.h>
