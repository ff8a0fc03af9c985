package io.illm.lab.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.illm.lab.model.ComponentRef;
import org.junit.jupiter.api.Test;

class ComponentRefsTest {

  @Test
  void aReferenceNamesItsOneComponent() {
    assertEquals("a", ComponentRefs.name(new ComponentRef("a", null, null, null)));
    assertEquals("w", ComponentRefs.name(new ComponentRef(null, "w", null, null)));
    assertEquals("c", ComponentRefs.name(new ComponentRef(null, null, "c", null)));
  }

  @Test
  void noneTwoOrABlankNameNameNothing() {
    assertNull(ComponentRefs.name(null));
    assertNull(ComponentRefs.name(new ComponentRef()));
    assertNull(ComponentRefs.name(new ComponentRef("a", "w", null, null)));
    assertNull(ComponentRefs.name(new ComponentRef("", "w", null, null)));
    assertNull(ComponentRefs.name(new ComponentRef(" ", null, null, null)));
  }
}
