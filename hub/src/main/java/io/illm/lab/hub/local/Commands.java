package io.illm.lab.hub.local;

import java.nio.file.Path;
import java.util.List;

/**
 * The command lines of the local hub's processes, every listener on loopback. kube-apiserver runs
 * with the RBAC authorizer; kube-controller-manager with every controller (the garbage collector,
 * namespaces, service accounts) under their own service accounts.
 */
final class Commands {

  private Commands() {}

  static List<String> etcd(Path binaries, HubFolder folder, int client, int peer) {
    String clientUrl = "http://127.0.0.1:" + client;
    String peerUrl = "http://127.0.0.1:" + peer;
    return List.of(
        binaries.resolve("etcd").toString(),
        "--name=lab-hub",
        "--data-dir=" + folder.etcdData(),
        "--listen-client-urls=" + clientUrl,
        "--advertise-client-urls=" + clientUrl,
        "--listen-peer-urls=" + peerUrl,
        "--initial-advertise-peer-urls=" + peerUrl,
        "--initial-cluster=lab-hub=" + peerUrl,
        "--log-level=warn");
  }

  static List<String> apiServer(Path binaries, HubFolder folder, int etcdClient, int port) {
    Path pki = folder.pki();
    return List.of(
        binaries.resolve("kube-apiserver").toString(),
        "--etcd-servers=http://127.0.0.1:" + etcdClient,
        "--bind-address=127.0.0.1",
        "--secure-port=" + port,
        "--tls-cert-file=" + pki.resolve("apiserver.crt"),
        "--tls-private-key-file=" + pki.resolve("apiserver.key"),
        "--client-ca-file=" + pki.resolve("ca.crt"),
        "--authorization-mode=RBAC",
        "--service-account-issuer=https://kubernetes.default.svc",
        "--service-account-key-file=" + pki.resolve("sa.pub"),
        "--service-account-signing-key-file=" + pki.resolve("sa.key"),
        "--service-cluster-ip-range=10.0.0.0/24",
        "--allow-privileged=true");
  }

  static List<String> controllerManager(Path binaries, HubFolder folder) {
    Path pki = folder.pki();
    Path kubeconfig = pki.resolve("kube-controller-manager.kubeconfig");
    return List.of(
        binaries.resolve("kube-controller-manager").toString(),
        "--kubeconfig=" + kubeconfig,
        "--authentication-kubeconfig=" + kubeconfig,
        "--authorization-kubeconfig=" + kubeconfig,
        "--service-account-private-key-file=" + pki.resolve("sa.key"),
        "--root-ca-file=" + pki.resolve("ca.crt"),
        "--cluster-signing-cert-file=" + pki.resolve("ca.crt"),
        "--cluster-signing-key-file=" + pki.resolve("ca.key"),
        "--use-service-account-credentials=true",
        "--controllers=*",
        "--leader-elect=false",
        "--bind-address=127.0.0.1",
        "--secure-port=0");
  }

  /** The background JVM: the operator and the simulated clouds ({@link HubMain}). */
  static List<String> operator(
      String java, String classpath, HubFolder folder, Path labRoot, Path results, double factor) {
    return List.of(
        java,
        "-XX:+UseSerialGC",
        "-Xmx512m",
        "-cp",
        classpath,
        HubMain.class.getName(),
        folder.root().toString(),
        labRoot.toString(),
        results.toString(),
        Double.toString(factor));
  }
}
