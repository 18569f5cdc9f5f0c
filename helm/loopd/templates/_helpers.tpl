{{/* Chart name, possibly overridden. */}}
{{- define "loopd.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every resource name: the release name, with "-loopd" unless it already says loopd. */}}
{{- define "loopd.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "loopd.operator.fullname" -}}
{{ include "loopd.fullname" . }}-operator
{{- end }}

{{- define "loopd.controlApi.fullname" -}}
{{ include "loopd.fullname" . }}-control-api
{{- end }}

{{/* Labels of every object of the release. */}}
{{- define "loopd.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "loopd.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: loopd
{{- end }}

{{/* Selector labels of one component: include with (dict "ctx" $ "component" "operator"). */}}
{{- define "loopd.selectorLabels" -}}
app.kubernetes.io/name: {{ include "loopd.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Labels of one component's objects: include with (dict "ctx" $ "component" "operator"). */}}
{{- define "loopd.componentLabels" -}}
{{ include "loopd.labels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Image of a loopd component: include with (dict "ctx" $ "name" "operator"). */}}
{{- define "loopd.image" -}}
{{- printf "%s/%s:%s" (trimSuffix "/" .ctx.Values.image.registry) .name (default .ctx.Chart.AppVersion .ctx.Values.image.tag) }}
{{- end }}

{{- define "loopd.nodeImage" -}}
{{- default (include "loopd.image" (dict "ctx" . "name" "loop-node")) .Values.operator.nodeImage }}
{{- end }}

{{- define "loopd.operator.serviceAccountName" -}}
{{- if .Values.operator.serviceAccount.create }}
{{- default (include "loopd.operator.fullname" .) .Values.operator.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.operator.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "loopd.controlApi.serviceAccountName" -}}
{{- if .Values.controlApi.serviceAccount.create }}
{{- default (include "loopd.controlApi.fullname" .) .Values.controlApi.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.controlApi.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Address of the operator's node-session and runtime gRPC server, as loop nodes in tenant
namespaces and the control API dial it: <service>.<namespace>.svc:7071.
*/}}
{{- define "loopd.operator.address" -}}
{{ include "loopd.operator.fullname" . }}.{{ .Release.Namespace }}.svc:7071
{{- end }}

{{- define "loopd.adminTokenSecretName" -}}
{{- default (printf "%s-admin-token" (include "loopd.fullname" .)) .Values.adminToken.existingSecret }}
{{- end }}

{{/* The pod and container security settings every loopd container runs with. */}}
{{- define "loopd.podSecurityContext" -}}
runAsNonRoot: true
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "loopd.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end }}

{{/* Downward API environment: where a pod is and what it is called. */}}
{{- define "loopd.downwardEnv" -}}
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
{{- end }}
