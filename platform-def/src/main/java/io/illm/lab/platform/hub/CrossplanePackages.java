package io.illm.lab.platform.hub;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.platform.kinds.crossplane.DeploymentRuntimeConfig;
import io.illm.lab.platform.kinds.crossplane.DeploymentRuntimeConfigSpec;
import io.illm.lab.platform.kinds.crossplane.Function;
import io.illm.lab.platform.kinds.crossplane.FunctionSpec;
import io.illm.lab.platform.kinds.crossplane.Provider;
import io.illm.lab.platform.kinds.crossplane.ProviderSpec;
import io.illm.lab.platform.kinds.crossplane.deploymentruntimeconfigspec.DeploymentTemplate;
import io.illm.lab.platform.kinds.crossplane.deploymentruntimeconfigspec.deploymenttemplate.Spec;
import io.illm.lab.platform.kinds.crossplane.deploymentruntimeconfigspec.deploymenttemplate.spec.Selector;
import io.illm.lab.platform.kinds.crossplane.deploymentruntimeconfigspec.deploymenttemplate.spec.Template;
import io.illm.lab.platform.kinds.crossplane.deploymentruntimeconfigspec.deploymenttemplate.spec.template.spec.Containers;
import io.illm.lab.platform.kinds.crossplane.deploymentruntimeconfigspec.deploymenttemplate.spec.template.spec.containers.Resources;
import io.illm.lab.platform.kinds.crossplane.providerspec.RuntimeConfigRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Crossplane packages the cluster Compositions need: the provider families and the services
 * they compose (GKE: container; EKS: eks, ec2, iam; AKS: containerservice, the family's
 * ResourceGroup), the two composition functions, and one runtime config bounding the providers'
 * pods. Versions are those of the CRDs the Compositions are checked against
 * (../shared/upstream-crds/SOURCES.md): provider-gcp v1.14.1 (the original's pin; the CRDs are
 * v1.14.0's), provider-aws v2.6.0 and provider-azure v2.7.0 (crossplane-contrib, published on
 * xpkg.crossplane.io), function-patch-and-transform v0.7.0 and function-auto-ready v0.3.0 (the
 * original's pins).
 */
public final class CrossplanePackages {

  /** The runtime config every provider uses. */
  public static final String RUNTIME = "illm-lab-providers";

  static final List<String> PROVIDERS =
      List.of(
          "xpkg.upbound.io/upbound/provider-family-gcp:v1.14.1",
          "xpkg.upbound.io/upbound/provider-gcp-container:v1.14.1",
          "xpkg.crossplane.io/crossplane-contrib/provider-family-aws:v2.6.0",
          "xpkg.crossplane.io/crossplane-contrib/provider-aws-eks:v2.6.0",
          "xpkg.crossplane.io/crossplane-contrib/provider-aws-ec2:v2.6.0",
          "xpkg.crossplane.io/crossplane-contrib/provider-aws-iam:v2.6.0",
          "xpkg.crossplane.io/crossplane-contrib/provider-family-azure:v2.7.0",
          "xpkg.crossplane.io/crossplane-contrib/provider-azure-containerservice:v2.7.0");

  static final Map<String, String> FUNCTIONS =
      Map.of(
          "function-patch-and-transform",
          "xpkg.upbound.io/crossplane-contrib/function-patch-and-transform:v0.7.0",
          "function-auto-ready",
          "xpkg.upbound.io/crossplane-contrib/function-auto-ready:v0.3.0");

  private CrossplanePackages() {}

  /** The runtime config, every provider and every function. */
  public static List<HasMetadata> all() {
    List<HasMetadata> all = new ArrayList<>();
    all.add(runtime());
    PROVIDERS.forEach(p -> all.add(provider(p)));
    new java.util.TreeMap<>(FUNCTIONS).forEach((name, pkg) -> all.add(function(name, pkg)));
    return all;
  }

  /** The object's name: the package's name without registry, owner and version. */
  static String name(String pkg) {
    String last = pkg.substring(pkg.lastIndexOf('/') + 1);
    return last.substring(0, last.indexOf(':'));
  }

  private static Provider provider(String pkg) {
    Provider provider = new Provider();
    provider.setMetadata(new ObjectMetaBuilder().withName(name(pkg)).build());
    ProviderSpec spec = new ProviderSpec();
    spec.set_package(pkg);
    RuntimeConfigRef runtime = new RuntimeConfigRef();
    runtime.setApiVersion("pkg.crossplane.io/v1beta1");
    runtime.setKind("DeploymentRuntimeConfig");
    runtime.setName(RUNTIME);
    spec.setRuntimeConfigRef(runtime);
    provider.setSpec(spec);
    return provider;
  }

  private static Function function(String name, String pkg) {
    Function function = new Function();
    function.setMetadata(new ObjectMetaBuilder().withName(name).build());
    FunctionSpec spec = new FunctionSpec();
    spec.set_package(pkg);
    function.setSpec(spec);
    return function;
  }

  /** The providers' pods: requests sized for a small hub, memory bounded. */
  private static DeploymentRuntimeConfig runtime() {
    DeploymentRuntimeConfig config = new DeploymentRuntimeConfig();
    config.setMetadata(new ObjectMetaBuilder().withName(RUNTIME).build());
    Containers container = new Containers();
    container.setName("package-runtime");
    Resources resources = new Resources();
    resources.setRequests(Map.of("cpu", "50m", "memory", "256Mi"));
    resources.setLimits(Map.of("memory", "1Gi"));
    container.setResources(resources);
    io.illm.lab.platform.kinds.crossplane.deploymentruntimeconfigspec.deploymenttemplate.spec
            .template.Spec
        pod =
            new io.illm.lab.platform.kinds.crossplane.deploymentruntimeconfigspec.deploymenttemplate
                .spec.template.Spec();
    pod.setContainers(List.of(container));
    Template template = new Template();
    template.setSpec(pod);
    Spec deployment = new Spec();
    deployment.setSelector(new Selector());
    deployment.setTemplate(template);
    DeploymentTemplate deploymentTemplate = new DeploymentTemplate();
    deploymentTemplate.setSpec(deployment);
    DeploymentRuntimeConfigSpec spec = new DeploymentRuntimeConfigSpec();
    spec.setDeploymentTemplate(deploymentTemplate);
    config.setSpec(spec);
    return config;
  }
}
