package io.illm.lab.platform.hub;

/**
 * What differs from one lab's hub to another's.
 *
 * @param repoURL the repository whose {@code platform/}, {@code generated-crds/}, {@code
 *     components/} and {@code experiments/} the hub syncs (the user's own)
 * @param revision the branch, tag or commit of it the hub follows
 * @param gcpProject the Google Cloud project GKE clusters are made in
 * @param awsRegion the region of the lab's AWS network, where EKS clusters go
 * @param azureLocation the location of the lab's Azure resource group, where AKS clusters go
 */
public record HubParameters(
    String repoURL, String revision, String gcpProject, String awsRegion, String azureLocation) {

  /** The defaults: this repository's main branch, us-east-1, eastus, a placeholder project. */
  public static HubParameters defaults(String repoURL) {
    return new HubParameters(repoURL, "main", "my-gcp-project", "us-east-1", "eastus");
  }

  /** The revision followed. Default: {@code main}. */
  public HubParameters revision(String value) {
    return new HubParameters(repoURL, value, gcpProject, awsRegion, azureLocation);
  }

  /** The Google Cloud project. Default: {@code my-gcp-project}, which you replace. */
  public HubParameters gcpProject(String value) {
    return new HubParameters(repoURL, revision, value, awsRegion, azureLocation);
  }

  /** The AWS region. Default: {@code us-east-1} (the XRD's eks default). */
  public HubParameters awsRegion(String value) {
    return new HubParameters(repoURL, revision, gcpProject, value, azureLocation);
  }

  /** The Azure location. Default: {@code eastus} (the XRD's aks default). */
  public HubParameters azureLocation(String value) {
    return new HubParameters(repoURL, revision, gcpProject, awsRegion, value);
  }
}
