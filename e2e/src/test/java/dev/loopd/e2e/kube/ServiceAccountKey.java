package dev.loopd.e2e.kube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * Test scaffolding: the RSA key that signs service-account tokens, as a PKCS#8 PEM file. The API
 * server reads it both to sign ({@code --service-account-signing-key-file}) and to verify ({@code
 * --service-account-key-file} accepts a private key); the controller manager signs the token
 * secrets with it.
 */
final class ServiceAccountKey {

  private ServiceAccountKey() {}

  static Path write(Path file) throws IOException {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      byte[] der = rsa.generateKeyPair().getPrivate().getEncoded();
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
              + "\n-----END PRIVATE KEY-----\n";
      return Files.writeString(file, pem);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate an RSA key", e);
    }
  }
}
