package io.illm.lab.operator;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The operator's rules of docs/architecture.md, on its compiled classes. */
class OperatorArchitectureTest {

  private static final String OP = "io.illm.lab.operator";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(OP);

  /**
   * fabric8's client, but for CustomResource: the base class of the child types, like the model's.
   */
  private static final DescribedPredicate<JavaClass> KUBERNETES_CLIENT =
      resideInAPackage("io.fabric8.kubernetes.client..").and(type(CustomResource.class).negate());

  /** The domain: decisions, the engine and what it computes; no client, framework or network. */
  private static final String[] DOMAIN = {
    OP + ".lifecycle..",
    OP + ".ports..",
    OP + ".engine..",
    OP + ".judge..",
    OP + ".cost..",
    OP + ".metrics..",
    OP + ".results.."
  };

  /** The lifecycle checks specs with the sdk's rules, and nothing else of the sdk but the model. */
  @Test
  void theLifecycleDependsOnlyOnJavaTheModelAndTheRules() {
    classes()
        .that()
        .resideInAPackage(OP + ".lifecycle..")
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage(
                    "java..",
                    "io.illm.lab.model..",
                    "io.illm.lab.rules..",
                    // the summary schema's values, which Collected carries to StoreResults
                    "io.illm.lab.results..",
                    OP + ".lifecycle..")
                .or(type(Condition.class))
                // the class-file marker on the observation's generated withers: no code runs
                .or(type(lombok.Generated.class)))
        .check(CLASSES);
  }

  @Test
  void theLifecycleNeverReadsAClock() {
    noClasses()
        .that()
        .resideInAPackage(OP + ".lifecycle..")
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethodWhere(
            describe(
                "a method of java.time.Clock",
                call -> call.getTarget().getOwner().isAssignableTo(Clock.class)))
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .check(CLASSES);
  }

  @Test
  void theDomainKnowsNoClientFrameworkOrNetwork() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat(KUBERNETES_CLIENT)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.javaoperatorsdk..",
            "java.net.http..",
            "software.amazon..",
            OP + ".adapters..",
            OP + ".josdk..",
            OP + ".main..")
        .check(CLASSES);
  }

  @Test
  void onlyAdaptersTheShellAndMainUseTheKubernetesClient() {
    noClasses()
        .that()
        .resideOutsideOfPackages(OP + ".adapters..", OP + ".josdk..", OP + ".main..")
        .should()
        .dependOnClassesThat(KUBERNETES_CLIENT)
        .check(CLASSES);
  }

  @Test
  void onlyTheShellAndMainUseJosdk() {
    noClasses()
        .that()
        .resideOutsideOfPackages(OP + ".josdk..", OP + ".main..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.javaoperatorsdk..")
        .check(CLASSES);
  }

  @Test
  void adaptersKnowNeitherTheShellNorMainAndNothingKnowsMain() {
    noClasses()
        .that()
        .resideInAPackage(OP + ".adapters..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(OP + ".josdk..", OP + ".main..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideOutsideOfPackage(OP + ".main..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(OP + ".main..")
        .check(CLASSES);
  }

  @Test
  void theChildObjectsShapesKnowNoAdapter() {
    noClasses()
        .that()
        .resideInAPackage(OP + ".children..")
        .should()
        .dependOnClassesThat(KUBERNETES_CLIENT)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(OP + ".adapters..", OP + ".josdk..", OP + ".main..")
        .check(CLASSES);
  }
}
