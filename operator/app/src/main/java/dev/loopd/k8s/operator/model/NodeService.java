package dev.loopd.k8s.operator.model;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/**
 * The pool's Service: its ready nodes' HTTP data plane ({@code ANY /h/{handler}/...}) on 8080 and
 * their gRPC {@code NodeService} on 9090.
 */
public final class NodeService {

  private NodeService() {}

  public static Service build(PoolModel pool) {
    return new ServiceBuilder()
        .withMetadata(pool.objectMeta())
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(Labels.selector(pool.name()))
        .addNewPort()
        .withName("http")
        .withPort(NodeDeployment.HTTP_PORT)
        .withTargetPort(new IntOrString("http"))
        .withProtocol("TCP")
        .endPort()
        .addNewPort()
        .withName("grpc")
        .withPort(NodeDeployment.GRPC_PORT)
        .withTargetPort(new IntOrString("grpc"))
        .withProtocol("TCP")
        .withAppProtocol("grpc")
        .endPort()
        .endSpec()
        .build();
  }
}
