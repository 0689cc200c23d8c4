{{/*
The chart's name.
*/}}
{{- define "karpenter.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The objects' base name: fullnameOverride, else the release name when it already contains the
chart's name, else RELEASE-NAME; at most 63 characters (a DNS label).
*/}}
{{- define "karpenter.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
NAME-VERSION for the helm.sh/chart label.
*/}}
{{- define "karpenter.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The labels every object carries.
*/}}
{{- define "karpenter.labels" -}}
helm.sh/chart: {{ include "karpenter.chart" . }}
{{ include "karpenter.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.additionalLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The labels that select the controller's pods.
*/}}
{{- define "karpenter.selectorLabels" -}}
app.kubernetes.io/name: {{ include "karpenter.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The ServiceAccount's name.
*/}}
{{- define "karpenter.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "karpenter.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The controller's image: REPOSITORY:TAG, with @DIGEST when one is set; the tag defaults to the
chart's appVersion.
*/}}
{{- define "karpenter.controller.image" -}}
{{- $tag := default .Chart.AppVersion .Values.controller.image.tag }}
{{- if .Values.controller.image.digest }}
{{- printf "%s:%s@%s" .Values.controller.image.repository $tag .Values.controller.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.controller.image.repository $tag }}
{{- end }}
{{- end }}

{{/*
The controller container's name.
*/}}
{{- define "karpenter.controller.containerName" -}}
{{- .Values.controller.containerName | default "controller" -}}
{{- end -}}

{{/*
The cloud provider, checked: aws or kwok.
*/}}
{{- define "karpenter.cloudProvider" -}}
{{- $provider := .Values.cloudProvider | default "aws" -}}
{{- if not (has $provider (list "aws" "kwok")) -}}
{{- fail (printf "cloudProvider must be aws or kwok, got %q" $provider) -}}
{{- end -}}
{{- $provider -}}
{{- end -}}

{{/*
Gives the object at ._target a labelSelector matching the chart's pods, unless it has one.
(Helm's dicts are passed by reference, so this edits .Values in place.)
*/}}
{{- define "karpenter.patchLabelSelector" -}}
{{- if not (hasKey ._target "labelSelector") }}
{{- $selectorLabels := (include "karpenter.selectorLabels" .) | fromYaml }}
{{- $_ := set ._target "labelSelector" (dict "matchLabels" $selectorLabels) }}
{{- end }}
{{- end }}

{{/*
The same for every term of a podAffinity or podAntiAffinity at ._podAffinity.
*/}}
{{- define "karpenter.patchPodAffinity" -}}
{{- range $term := (get ._podAffinity "requiredDuringSchedulingIgnoredDuringExecution" | default list) }}
{{- include "karpenter.patchLabelSelector" (merge (dict "_target" $term) $) }}
{{- end }}
{{- range $weighted := (get ._podAffinity "preferredDuringSchedulingIgnoredDuringExecution" | default list) }}
{{- include "karpenter.patchLabelSelector" (merge (dict "_target" $weighted.podAffinityTerm) $) }}
{{- end }}
{{- end }}

{{/*
Default label selectors for .Values.affinity's pod affinity and anti-affinity terms.
*/}}
{{- define "karpenter.patchAffinity" -}}
{{- with .Values.affinity.podAffinity }}
{{- include "karpenter.patchPodAffinity" (merge (dict "_podAffinity" .) $) }}
{{- end }}
{{- with .Values.affinity.podAntiAffinity }}
{{- include "karpenter.patchPodAffinity" (merge (dict "_podAffinity" .) $) }}
{{- end }}
{{- end }}

{{/*
Default label selectors for .Values.topologySpreadConstraints.
*/}}
{{- define "karpenter.patchTopologySpreadConstraints" -}}
{{- range $constraint := .Values.topologySpreadConstraints }}
{{- include "karpenter.patchLabelSelector" (merge (dict "_target" $constraint) $) }}
{{- end }}
{{- end }}
