package dev.loopd.k8s.crd.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A handler in its tenant's namespace. Its versions are immutable ConfigMaps {@code <name>-v<N>}
 * owned by it; the active version is the newest one whose source equals {@code spec.source}.
 */
@Group(LoopdGroup.GROUP)
@Version(LoopdGroup.VERSION)
@Kind("LoopHandler")
@ShortNames("lh")
@AdditionalPrinterColumn(
    name = "Pool",
    jsonPath = ".spec.pool",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Version",
    jsonPath = ".status.activeVersion",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.readyNodes",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class LoopHandler extends CustomResource<LoopHandlerSpec, LoopHandlerStatus>
    implements Namespaced {}
