package dev.loopd.k8s.crd.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A pool of loop nodes in its tenant's namespace: one Deployment whose pods run the handlers
 * assigned to the pool. The scale subresource ({@code kubectl scale looppool/x --replicas=N}) sizes
 * it under {@code autoscaling.mode: Manual}; the autoscaler writes the same field under Auto.
 */
@Group(LoopdGroup.GROUP)
@Version(LoopdGroup.VERSION)
@Kind("LoopPool")
@ShortNames("lp")
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.readyNodes",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Desired",
    jsonPath = ".status.desiredNodes",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Lag-p99",
    jsonPath = ".status.lagP99",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "ELU",
    jsonPath = ".status.elu",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class LoopPool extends CustomResource<LoopPoolSpec, LoopPoolStatus> implements Namespaced {}
