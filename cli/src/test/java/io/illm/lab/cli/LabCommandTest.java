package io.illm.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** The command table of {@code ./lab}: names that match their classes, loaded one at a time. */
class LabCommandTest {

  @Test
  void everyNameIsTheNameItsCommandClassDeclares() {
    for (String name : LabCommand.COMMANDS) {
      Class<?> command = LabCommand.command(name);
      assertNotNull(command, name);
      assertEquals(name, command.getAnnotation(Command.class).name());
    }
    assertNull(LabCommand.command("no-such-command"));
  }

  @Test
  void helpListsEveryCommand() {
    StringWriter out = new StringWriter();
    int exit = LabCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertEquals(0, exit);
    for (String name : LabCommand.COMMANDS) {
      assertTrue(out.toString().contains("  " + name), name + " in\n" + out);
    }
  }

  /**
   * {@code ./lab validate --help} in a class loader of its own: the validate command is loaded, no
   * other command class is (what keeps start-up of one command from paying for all of them).
   */
  @Test
  void runningOneCommandLoadsNoOtherCommandClass() throws Exception {
    try (Isolated loader = new Isolated()) {
      Class<?> lab = loader.loadClass(LabCommand.class.getName());
      lab.getMethod("execute", PrintWriter.class, PrintWriter.class, String[].class)
          .invoke(
              null,
              new PrintWriter(new StringWriter()),
              new PrintWriter(new StringWriter()),
              new String[] {"validate", "--help"});
      for (String name : LabCommand.COMMANDS) {
        String command = LabCommand.command(name).getName();
        assertEquals(
            name.equals("validate"), loader.loaded(command), command + " loaded for validate");
      }
      assertFalse(loader.loaded("io.fabric8.kubernetes.client.KubernetesClient"));
    }
  }

  /** The test's class path in a loader that does not delegate to the test's own loader. */
  private static final class Isolated extends URLClassLoader {
    Isolated() throws Exception {
      super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }

    private static URL[] classPath() throws Exception {
      List<URL> urls = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        urls.add(Path.of(entry).toUri().toURL());
      }
      return urls.toArray(URL[]::new);
    }
  }
}
