package io.illm.lab.dsl.discovery;

import io.illm.lab.validate.InvalidInputException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Reads an indexed member: calls the static method, or reads the static field. */
final class Members {

  private Members() {}

  /** A member that could not be read: what it threw, or why it is not there. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The member's value; an {@link InvalidInputException} from the DSL's {@code build()} as it is,
   * any other exception it threw, or why it could not be reached, as {@link Unreadable}.
   */
  static Object value(ClassLoader loader, IndexEntry entry) throws Unreadable {
    try {
      Class<?> type = Class.forName(entry.className(), true, loader);
      if (entry.isMethod()) {
        Method method = type.getDeclaredMethod(entry.member().replace("()", ""));
        method.setAccessible(true);
        return method.invoke(null);
      }
      Field field = type.getDeclaredField(entry.member());
      field.setAccessible(true);
      return field.get(null);
    } catch (ClassNotFoundException | NoSuchMethodException | NoSuchFieldException e) {
      throw new Unreadable(
          "is listed in " + IndexEntry.INDEX + " but not there (" + e.getMessage() + ")", e);
    } catch (InvocationTargetException | ExceptionInInitializerError e) {
      if (e.getCause() instanceof InvalidInputException invalid) {
        throw invalid; // the DSL's build(): its problems say what is wrong, field by field
      }
      throw new Unreadable(threw(entry, e.getCause()), e.getCause());
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      throw new Unreadable(threw(entry, e), e);
    }
  }

  /** {@code threw NullPointerException: why (HelloApp.java:42)}: the first line in the class. */
  static String threw(IndexEntry entry, Throwable thrown) {
    String top = entry.className().split("\\$")[0];
    String at = "";
    for (StackTraceElement frame : thrown.getStackTrace()) {
      if (frame.getClassName().startsWith(top) && frame.getFileName() != null) {
        at = " (" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
        break;
      }
    }
    String message =
        thrown.getMessage() == null
            ? ""
            : ": " + thrown.getMessage().lines().findFirst().orElse("");
    return "threw " + thrown.getClass().getSimpleName() + message + at;
  }
}
