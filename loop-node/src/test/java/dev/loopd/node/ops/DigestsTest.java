package dev.loopd.node.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestsTest {
  private static final String LONG_KEY = "k".repeat(200);

  /**
   * Vectors from Node.js 20's {@code crypto.pbkdf2Sync(password, salt, iterations, keylen,
   * digest).toString('hex')}: key lengths that are not a multiple of the hash (several blocks, a
   * partial last one, a single byte), an empty password or salt, and a password longer than the
   * HMAC block (hashed first). LONG stands for 200 'k's.
   */
  @ParameterizedTest(name = "{4} {2} iterations, {3} bytes")
  @CsvSource({
    "secret, salt-3, 20000, 64, sha512,"
        + " e870af917181583ea82f74514bb85a5c148cd5e14087711c7eb397df36696bb690ca9d3a81b70a34e22f97211a565ed302e9515a41261533d4783f8ddaef34d7",
    "password, salt, 4096, 20, sha1, 4b007901b765489abead49d926f721d065a429c1",
    "password, salt, 3, 1, sha1, 6b",
    "password, salt, 1000, 33, sha256,"
        + " 632c2812e46d4604102ba7618e9d6d7d2f8128f6266b4a03264d2a0460b7dcb388",
    "'', salt, 2, 65, sha256,"
        + " 62384466264daadc4144018c6bd864648272b34da8980d31521ffcce92ae003bbf34cc19ec05e2408afd8c5fcdd3ba53b10bdff27d3956670f49e2b7d4b7755b98",
    "password, '', 10, 129, sha512,"
        + " fae02439e4df197060113f7a226596999fe2e957c77058485893d4b33855ef63a8dfac3111e9fafed577df0eab902339edbb536abc4372a28deeb14c40618ff90a9da86748dfeda9b15728484f213ec5ba9b0731870f510b6f2de17643ade0578091f63c3314e295658a7229940c8b44ae3d42960f2fb16ddfde31bded314c8d3c",
    "LONG, salt, 5, 100, sha512,"
        + " 98f84670ece5710c22c092cc3365f21c672d2f435ea6f0b2c2fb6332c4c45d77596ebf9b08777164123a7a9cb889580763bf1c6e732475d796940afec1a650c8fe5fb84aa53df003b481a15d325dbef874bdaf960d59a756fb67c9343b4657fab9df4b01",
    "LONG, salt, 5, 45, sha1,"
        + " 347f177768b4f98f2a962ce0ef482228c48f6406b02b01f298c25ed1f653a9c72dc98ca285aaed5eae582a88ae",
    "pw, salt, 7, 50, sha384,"
        + " 559e4ff98d417da2c6d759130b998a2f63ffc967c2b8aeec1a9d4eac7efe38065a450d63ac20f5f3215e91cc4197d68434c4",
    "pw, salt, 7, 17, md5, 1a41ad9bf600134dfb2d324c0b710b2b14",
    "pw, salt, 7, 40, sha512-256,"
        + " b6e8c21e185c9c5e2428fd16352ff774a223dcea49939d832620010d74d0aa0c5724072b549a8a4e",
    "pw, salt, 7, 70, sha3-256,"
        + " 79bfa32c0c73d1de1c7fe25c3789b27336e52f136d68842af99232ed9137c801ac11baaedbd49d67c62cdb4269a47cda3d94355c479b1e354e771404c03cc73deed5cb2d97a9",
    "LONG, salt, 3, 70, sha3-512,"
        + " 58a9be0373d21fe834f661fd22dafd18fe3539f38c1c6d2cb1eb345344ff264976f3167a222435fb9e77dcdc06a0e5a3a7e6c42fdf94fd18ce895eb310e8fd86e7f94495fa30",
  })
  void pbkdf2MatchesNode(
      String password, String salt, int iterations, int keyLength, String digest, String hex)
      throws Exception {
    byte[] pw = (password.equals("LONG") ? LONG_KEY : password).getBytes(StandardCharsets.UTF_8);
    byte[] key =
        Digests.pbkdf2(pw, salt.getBytes(StandardCharsets.UTF_8), iterations, keyLength, digest);
    assertThat(HexFormat.of().formatHex(key)).isEqualTo(hex);
  }

  @Test
  void pbkdf2OnRawBytesMatchesNode() throws Exception {
    // Node: Buffer.from(Array.from({ length: 160 }, (_, i) => i)), Buffer.from([0xff, 0xfe, 0,
    // 0x80])
    byte[] password = new byte[160];
    for (int i = 0; i < password.length; i++) password[i] = (byte) i;
    byte[] salt = {(byte) 0xff, (byte) 0xfe, 0, (byte) 0x80};
    assertThat(HexFormat.of().formatHex(Digests.pbkdf2(password, salt, 3, 31, "sha256")))
        .isEqualTo("92f1cf8502a7bce7ff9ce59d86001f52cd7dfaa14b24c4572951907e262904");
    assertThat(HexFormat.of().formatHex(Digests.pbkdf2(password, salt, 3, 31, "sha512")))
        .isEqualTo("0bd75a55c8903969ec6d4fe002be1c5802869b5cda5405421b92784cca38b8");
  }

  /** Every digest Node lists agrees with PBKDF2 over the JDK's own HMAC, for keys of all sizes. */
  @Test
  void pbkdf2AgreesWithTheJdkHmacForEveryDigest() throws Exception {
    Random random = new Random(42);
    for (String digest : Digests.names()) {
      for (int keySize : new int[] {0, 1, 63, 64, 65, 71, 72, 73, 128, 129, 144, 145, 300}) {
        byte[] password = new byte[keySize];
        byte[] salt = new byte[random.nextInt(40)];
        random.nextBytes(password);
        random.nextBytes(salt);
        int keyLength = 1 + random.nextInt(150);
        assertThat(Digests.pbkdf2(password, salt, 3, keyLength, digest))
            .as("%s, %d-byte password", digest, keySize)
            .isEqualTo(pbkdf2WithJdkMac(password, salt, 3, keyLength, digest));
      }
    }
  }

  /** Node: {@code crypto.createHmac(digest, 'key').update('data').digest('hex')}. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "md5, 9d5c73ef85594d34ec4438b7c97e51d8",
    "sha1, 104152c5bfdca07bc633eebd46199f0255c9f49d",
    "sha224, 19424d4210e50d7a4521b5f0d54b4b0cff3060deddccfd894fda5b3b",
    "sha256, 5031fe3d989c6d1537a013fa6e739da23463fdaec3b70137d828e36ace221bd0",
    "sha384,"
        + " c5f97ad9fd1020c174d7dc02cf83c4c1bf15ee20ec555b690ad58e62da8a00ee44ccdb65cb8c80acfd127ebee568958a",
    "sha512,"
        + " 3c5953a18f7303ec653ba170ae334fafa08e3846f2efe317b87efce82376253cb52a8c31ddcde5a3a2eee183c2b34cb91f85e64ddbc325f7692b199473579c58",
    "sha512-224, 8b6657a9d03419b965477ba8149782c7d8e58ac4c79a9646e191c1d5",
    "sha512-256, e1d10dee05c387bc0407b77dead2b0626e46d9993ab3a6157cabc805c84f0e09",
    "sha3-224, f98c73c8d7f4c11f1be1876a8af92c35c7ee16c18e1a8c4d19bf724e",
    "sha3-256, b102a8999ec7667682d13c250db75c1fe88632bc807d915ecb7599375c2a393a",
    "sha3-384,"
        + " 69465d6f27e85d5358cfee63024c882c78468628325287689e58d41d227e5d15cbe251fd82bc5ed925df37ed83b907b0",
    "sha3-512,"
        + " 752bf49d54115aaa670ea62bdf79eb95e6df787938bec5fabdfc4745cf49f7fe11b7c2f73989ad2e568f06ced3a2d99536b05a121f43647b98ea43f818f38b33",
  })
  void hmacMatchesNodeForEveryDigest(String digest, String hex) throws Exception {
    byte[] mac = Digests.hmac(digest, bytes("key"), bytes("data"));
    assertThat(HexFormat.of().formatHex(mac)).isEqualTo(hex);
  }

  @Test
  void pbkdf2RefusesAnUnknownDigest() {
    assertThatThrownBy(() -> Digests.pbkdf2(new byte[1], new byte[1], 1, 8, "sha999"))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessage("Invalid digest: sha999");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** RFC 8018 over javax.crypto.Mac: the straightforward form the fast one must equal. */
  private static byte[] pbkdf2WithJdkMac(
      byte[] password, byte[] salt, int iterations, int keyLength, String digest)
      throws GeneralSecurityException {
    Mac mac = Digests.hmac(digest, password);
    int hLen = mac.getMacLength();
    byte[] out = new byte[keyLength];
    for (int block = 1, offset = 0; offset < keyLength; block++, offset += hLen) {
      mac.update(salt);
      mac.update(
          new byte[] {
            (byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block
          });
      byte[] u = mac.doFinal();
      byte[] t = u.clone();
      for (int i = 1; i < iterations; i++) {
        u = mac.doFinal(u);
        for (int j = 0; j < hLen; j++) t[j] ^= u[j];
      }
      System.arraycopy(t, 0, out, offset, Math.min(hLen, keyLength - offset));
    }
    return out;
  }
}
