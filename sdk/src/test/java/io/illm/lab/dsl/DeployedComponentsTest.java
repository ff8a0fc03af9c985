package io.illm.lab.dsl;

import static io.illm.lab.dsl.Lab.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.Category;
import io.illm.lab.validate.ComponentCatalogue;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployedComponentsTest {

  private static final ComponentDef APP =
      component("app", Category.APPS).git("https://github.com/example/lab.git", "apps/app", "main");

  private final List<TargetDef> targets =
      List.of(target("a").deploy(APP, app("imported")), target("b").deploy(config("egress")));

  @Test
  void withoutAKnownCatalogueTheViewIsPartial() {
    assertFalse(DeployedComponents.catalogue(targets, null).complete());
    assertTrue(DeployedComponents.catalogue(targets, ComponentCatalogue.of(List.of())).complete());
  }

  @Test
  void theCatalogueHoldsTheDeployedValuesThenTheKnownOnes() {
    ComponentCatalogue deployedOnly = DeployedComponents.catalogue(targets, null);
    assertEquals(List.of("app"), List.copyOf(deployedOnly.names()));
    assertTrue(deployedOnly.find("imported").isEmpty());
    ComponentDef imported =
        component("imported", Category.APPS).git("https://github.com/x/y.git", "p", "main");
    ComponentCatalogue withKnown =
        DeployedComponents.catalogue(targets, ComponentCatalogue.of(List.of(imported.build())));
    assertEquals(List.of("app", "imported"), List.copyOf(withKnown.names()));
    assertEquals("imported", withKnown.find("imported").orElseThrow().getMetadata().getName());
  }
}
