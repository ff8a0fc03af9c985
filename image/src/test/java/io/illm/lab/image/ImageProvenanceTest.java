package io.illm.lab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImageProvenanceTest {

  @Test
  void aJarInTheMavenRepositoryIsNamedByItsCoordinates() {
    Path repo = Path.of("/r");
    assertEquals(
        "pkg:maven/software.amazon.awssdk/s3@2.57.8",
        ImageProvenance.purl(repo, Path.of("/r/software/amazon/awssdk/s3/2.57.8/s3-2.57.8.jar")));
    assertEquals("file:x.jar", ImageProvenance.purl(repo, Path.of("/elsewhere/x.jar")));
  }

  @Test
  void debianPackagesAreNamedByPurlWithTheirVersionEncoded() {
    DebianFiles.Package p =
        new DebianFiles.Package("zlib1g", "1:1.2.13.dfsg-1", "amd64", "zlib", "1:1.2.13.dfsg-1");
    assertEquals(
        "pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?arch=amd64&distro=debian-12", p.purl("debian-12"));
    assertEquals(
        "Package: zlib1g\nSource: zlib\nVersion: 1:1.2.13.dfsg-1\nArchitecture: amd64\n"
            + "Status: install ok installed\n",
        p.stanza());
  }

  @Test
  void outputTimestampIsReadInBothOfMavensForms() {
    assertEquals(ImageBuild.instant("1767225600"), ImageBuild.instant("2026-01-01T00:00:00Z"));
  }
}
