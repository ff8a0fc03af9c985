package io.illm.lab.hub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The local hub's certificates, made fresh for each {@code hub up}: a CA (with the CA bit, so every
 * controller of kube-controller-manager accepts it), the API server's serving certificate for
 * 127.0.0.1 and localhost, client certificates for the admin ({@code system:masters}) and for
 * kube-controller-manager, and the service-account signing key. PEM files, private keys readable by
 * their owner only. The JDK makes keys but has no public API for certificates, hence Bouncy Castle.
 */
final class Pki {

  private static final Duration VALIDITY = Duration.ofDays(365);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A key and its certificate. */
  record Issued(KeyPair keys, X509Certificate certificate) {}

  private final Issued ca;

  private Pki(Issued ca) {
    this.ca = ca;
  }

  /** A new CA named {@code name}. */
  static Pki newCa(String name) {
    KeyPair keys = rsa();
    X500Name subject = new X500Name("CN=" + name);
    X509v3CertificateBuilder builder = builder(subject, subject, keys);
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Pki(new Issued(keys, sign(builder, keys.getPrivate())));
  }

  Issued ca() {
    return ca;
  }

  /** A serving certificate for loopback (127.0.0.1, localhost and the in-cluster names). */
  Issued server(String name) {
    GeneralNames names =
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.iPAddress, "10.0.0.1"),
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.dNSName, "kubernetes.default.svc")
            });
    return issue("CN=" + name, KeyPurposeId.id_kp_serverAuth, names);
  }

  /** A client certificate for user {@code user} in {@code groups} (the O fields). */
  Issued client(String user, List<String> groups) {
    StringBuilder subject = new StringBuilder("CN=" + user);
    groups.forEach(g -> subject.append(",O=").append(g));
    return issue(subject.toString(), KeyPurposeId.id_kp_clientAuth, null);
  }

  private Issued issue(String subject, KeyPurposeId purpose, GeneralNames names) {
    KeyPair keys = rsa();
    X509v3CertificateBuilder builder =
        builder(
            X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
            new X500Name(subject),
            keys);
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      if (names != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, names);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Issued(keys, sign(builder, ca.keys().getPrivate()));
  }

  /** A new 2048-bit RSA key pair (the service-account signing key, too). */
  static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has RSA", e);
    }
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(VALIDITY)),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a certificate: " + e.getMessage(), e);
    }
  }

  /** The certificate as PEM. */
  static String pem(X509Certificate certificate) {
    try {
      return pem("CERTIFICATE", certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The private key as PKCS#8 PEM. */
  static String pem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  /** The public key as PKIX PEM. */
  static String publicPem(KeyPair keys) {
    return pem("PUBLIC KEY", keys.getPublic().getEncoded());
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  /** Writes {@code text} to {@code file}, readable by its owner only. */
  static void writePrivate(Path file, String text) {
    try {
      Files.writeString(file, text);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
