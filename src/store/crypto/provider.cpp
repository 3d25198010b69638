// hecha's crypto provider for DuckDB's database encryption (AES-256-GCM).
//
// The bundled DuckDB refuses to write encrypted databases with its built-in
// mbedtls module, whose random numbers (nonces, keys) come from a
// non-cryptographic generator; a loaded httpfs extension would bring OpenSSL.
// hecha instead installs this provider on each database it opens: AES-GCM
// and the random bytes are done in Rust (src/store/crypto/mod.rs: the `aes`
// and `ghash` crates, hardware AES and carry-less multiply when the CPU has
// them; the operating system's generator). Nothing here but glue.

#include "duckdb/common/encryption_state.hpp"
#include "duckdb/common/exception.hpp"
#include "duckdb/main/capi/capi_internal.hpp"
#include "duckdb/main/config.hpp"
#include "duckdb/main/database.hpp"

extern "C" {
void *hecha_gcm_new(void);
void hecha_gcm_free(void *state);
int hecha_gcm_init(void *state, int encrypt, const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len,
                   const uint8_t *aad, size_t aad_len);
int hecha_gcm_process(void *state, const uint8_t *in, uint8_t *out, size_t len);
int hecha_gcm_finish(void *state, uint8_t *tag, size_t tag_len);
int hecha_os_random(uint8_t *out, size_t len);
}

namespace {

using duckdb::const_data_ptr_t;
using duckdb::data_ptr_t;
using duckdb::idx_t;

class HechaGcmState : public duckdb::EncryptionState {
public:
	explicit HechaGcmState(duckdb::unique_ptr<duckdb::EncryptionStateMetadata> metadata_p)
	    : EncryptionState(std::move(metadata_p)), state(hecha_gcm_new()) {
		if (!state) {
			throw duckdb::InternalException("hecha: cannot allocate the AES-GCM state");
		}
	}
	~HechaGcmState() override {
		hecha_gcm_free(state);
	}

	void InitializeEncryption(duckdb::EncryptionNonce &nonce, const_data_ptr_t key, const_data_ptr_t aad,
	                          idx_t aad_len) override {
		Init(1, nonce, key, aad, aad_len);
	}
	void InitializeDecryption(duckdb::EncryptionNonce &nonce, const_data_ptr_t key, const_data_ptr_t aad,
	                          idx_t aad_len) override {
		Init(0, nonce, key, aad, aad_len);
	}
	size_t Process(const_data_ptr_t in, idx_t in_len, data_ptr_t out, idx_t out_len) override {
		if (out_len < in_len) {
			throw duckdb::InternalException("hecha: AES-GCM output buffer too small");
		}
		if (hecha_gcm_process(state, in, out, in_len) != 0) {
			throw duckdb::InternalException("hecha: AES-GCM used before it was initialised");
		}
		return in_len;
	}
	size_t Finalize(data_ptr_t, idx_t, data_ptr_t tag, idx_t tag_len) override {
		switch (hecha_gcm_finish(state, tag, tag_len)) {
		case 0:
			return 0;
		case 1:
			throw duckdb::InvalidInputException(
			    "Computed AES tag differs from read AES tag, are you using the right key?");
		default:
			throw duckdb::InternalException("hecha: AES-GCM finished before it was initialised");
		}
	}
	void GenerateRandomData(data_ptr_t data, idx_t len) override {
		if (hecha_os_random(data, len) != 0) {
			throw duckdb::IOException("hecha: the operating system's random generator failed");
		}
	}

private:
	void Init(int encrypt, duckdb::EncryptionNonce &nonce, const_data_ptr_t key, const_data_ptr_t aad,
	          idx_t aad_len) {
		if (GetCipher() != duckdb::EncryptionTypes::GCM) {
			throw duckdb::NotImplementedException("hecha encrypts case files with AES-GCM only");
		}
		if (hecha_gcm_init(state, encrypt, key, metadata->GetKeyLen(), nonce.data(), nonce.total_size(), aad,
		                   aad ? aad_len : 0) != 0) {
			throw duckdb::InvalidInputException("hecha: AES-GCM key or nonce of a length it cannot use");
		}
	}

	void *state;
};

class HechaEncryptionUtil : public duckdb::EncryptionUtil {
public:
	duckdb::shared_ptr<duckdb::EncryptionState>
	CreateEncryptionState(duckdb::unique_ptr<duckdb::EncryptionStateMetadata> metadata) const override {
		return duckdb::make_shared_ptr<HechaGcmState>(std::move(metadata));
	}
	~HechaEncryptionUtil() override {
	}
};

} // namespace

// Installs the provider on a database opened through the C API. 0 on success.
extern "C" int hecha_install_crypto(duckdb_database database) {
	if (!database) {
		return 1;
	}
	try {
		auto wrapper = reinterpret_cast<duckdb::DatabaseWrapper *>(database);
		auto &config = duckdb::DBConfig::GetConfig(*wrapper->database->instance);
		config.encryption_util = duckdb::make_shared_ptr<HechaEncryptionUtil>();
		return 0;
	} catch (...) {
		return 2;
	}
}
