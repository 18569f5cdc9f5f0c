package dev.loopd.k8s.crd.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A tenant (cluster-scoped): the owner of pools and handlers, which live in its namespace. The
 * operator creates the namespace; tokens are Secrets labelled {@code loopd.dev/token=true}.
 */
@Group(LoopdGroup.GROUP)
@Version(LoopdGroup.VERSION)
@Kind("LoopTenant")
@ShortNames("lt")
@AdditionalPrinterColumn(
    name = "Namespace",
    jsonPath = ".spec.namespace",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class LoopTenant extends CustomResource<LoopTenantSpec, LoopTenantStatus> {}
