<#-- kubernetes/<server>.yaml: ServiceAccount, NetworkPolicy, Deployment. Layout only: see KubernetesTarget. -->
<#macro meta name>
  name: ${name}
<#if v.namespace?has_content>
  namespace: ${v.namespace}
</#if>
  labels:
<#list v.labels as l>
    ${l.key}: ${l.value}
</#list>
</#macro>
<@lines each=v.header prefix="# "/>
#
<@lines each=v.about prefix="# "/>
---
apiVersion: v1
kind: ServiceAccount
metadata:
<@meta name=v.serviceAccount/>
automountServiceAccountToken: false
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
<@meta name=v.name/>
spec:
  podSelector:
    matchLabels:
<#list v.selector as l>
      ${l.key}: ${l.value}
</#list>
  policyTypes:
    - Ingress
    - Egress
  ingress: []
<#if v.egress?has_content || v.dns>
  egress:
<#list v.egress as rule>
    - to:
<#list rule.to as block>
        - ipBlock:
            cidr: ${block.cidr}
<#if block.except?has_content>
            except:
<@lines each=block.except prefix="              - "/>
</#if>
</#list>
      ports:
<#list rule.ports as p>
        - protocol: ${p.protocol}
          port: ${p.port}
<#if p.endPort != 0>
          endPort: ${p.endPort}
</#if>
</#list>
</#list>
<#if v.dns>
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: "kube-system"
          podSelector:
            matchLabels:
              k8s-app: "kube-dns"
      ports:
        - protocol: UDP
          port: 53
        - protocol: TCP
          port: 53
</#if>
<#else>
  egress: []
</#if>
---
apiVersion: apps/v1
kind: Deployment
metadata:
<@meta name=v.name/>
spec:
  replicas: 1
  selector:
    matchLabels:
<#list v.selector as l>
      ${l.key}: ${l.value}
</#list>
  template:
    metadata:
      labels:
<#list v.labels as l>
        ${l.key}: ${l.value}
</#list>
    spec:
      serviceAccountName: ${v.serviceAccount}
      automountServiceAccountToken: false
      enableServiceLinks: false
      securityContext:
        runAsNonRoot: true
        runAsUser: ${v.uid}
        runAsGroup: ${v.gid}
<#if v.fsGroup != 0>
        fsGroup: ${v.fsGroup}
        fsGroupChangePolicy: "OnRootMismatch"
</#if>
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: "server"
          image: ${v.image}
          securityContext:
            runAsNonRoot: true
            runAsUser: ${v.uid}
            runAsGroup: ${v.gid}
            privileged: false
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop:
                - ALL
            seccompProfile:
              type: RuntimeDefault
<#if v.limits?has_content>
          resources:
            limits:
<#list v.limits as l>
              ${l.key}: ${l.value}
</#list>
</#if>
<#if v.env?has_content>
          env:
<#list v.env as e>
            - name: ${e}
              valueFrom:
                secretKeyRef:
                  name: ${v.secretName}
                  key: ${e}
</#list>
</#if>
          volumeMounts:
            - name: "tmp"
              mountPath: "/tmp"
<#list v.mounts as m>
            - name: ${m.name}
              mountPath: ${m.path}
<#if m.subPath?has_content>
              subPath: ${m.subPath}
</#if>
              readOnly: ${m.readOnly}
</#list>
      volumes:
        - name: "tmp"
          emptyDir: {}
<#list v.volumes as vol>
        - name: ${vol.name}
          ${vol.type}:
<#list vol.fields as f>
            ${f.key}: ${f.value}
</#list>
</#list>
