package io.illm.lab.kube;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link ControlPlane} for the whole test run, started by the first test class that asks for it
 * (a parameter of its {@code @BeforeAll}) and stopped when the run ends: starting one takes
 * seconds, so classes share it and keep apart by names and namespaces of their own. Without the
 * binaries every class using it is skipped with the command that builds them.
 */
public final class RealServer implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(RealServer.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    KubeBinaries.orSkip();
    plane(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ControlPlane.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return plane(context);
  }

  private static ControlPlane plane(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(STORE)
        .computeIfAbsent("control-plane", key -> ControlPlane.start(), ControlPlane.class);
  }
}
