package io.illm.lab;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.fabric8.kubernetes.client.CustomResource;
import org.junit.jupiter.api.Test;

/** The sdk's rules of docs/architecture.md, on its compiled classes. */
class SdkArchitectureTest {

  private static final String LAB = "io.illm.lab";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(LAB);

  @Test
  void theModelDependsOnNothingOfTheLab() {
    noClasses()
        .that()
        .resideInAPackage(LAB + ".model..")
        .should()
        .dependOnClassesThat(
            resideInAPackage(LAB + "..").and(resideInAPackage(LAB + ".model..").negate()))
        .check(CLASSES);
  }

  @Test
  void theRulesDependOnlyOnJavaAndTheModel() {
    classes()
        .that()
        .resideInAPackage(LAB + ".rules..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", LAB + ".model..", LAB + ".rules..")
        .check(CLASSES);
  }

  @Test
  void validationAndSynthNeverDependOnTheDsl() {
    noClasses()
        .that()
        .resideInAnyPackage(LAB + ".validate..", LAB + ".synth..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(LAB + ".dsl..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage(LAB + ".validate..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(LAB + ".synth..", LAB + ".importer..")
        .check(CLASSES);
  }

  @Test
  void theSdkChoosesNoClientNoCommandLineAndNoLogging() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.fabric8.kubernetes.client..")
                .and(type(CustomResource.class).negate()))
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("picocli..", "org.slf4j..", "io.javaoperatorsdk..")
        .check(CLASSES);
  }
}
