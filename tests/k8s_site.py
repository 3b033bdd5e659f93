"""A small site in the shape of the Kubernetes website (kubernetes/website): its hugo.toml
settings, i18n files in one folder per language (i18n/en/en.toml), its own shortcodes
(note, caution, warning, heading, skew, param, tabs/tab with codelang or include,
include, glossary_tooltip, feature-state, code_sample, thirdparty-content, version-check,
mermaid, table), examples under content/<lang>/examples and a headless folder of included
snippets.  The pages are written for the tests, in the shape of real pages of that site."""

from __future__ import annotations

HUGO = """\
baseURL = "https://k8s.example.org"
title = "Kubernetes"
contentDir = "content/en"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = false
disableKinds = ["taxonomy"]
ignoreFiles = [ "(?:^|/)OWNERS$", "README[-]+[a-z]*\\\\.md" ]
disableLanguages = ["no"]

[markup]
 [markup.goldmark]
   [markup.goldmark.extensions]
     definitionList = true
     table = true
     typographer = false
   [markup.goldmark.parser]
     attribute = true
     autoHeadingID = true
     autoHeadingIDType = "blackfriday"
   [markup.goldmark.renderer]
     unsafe = true

[params]
latest = "v1.32"
version = "v1.32"
fullversion = "v1.32.3"
githubWebsiteRaw = "raw.githubusercontent.com/kubernetes/website"

[languages]
[languages.en]
title = "Kubernetes"
languageName = "English"
weight = 1
languagedirection = "ltr"
[languages.en.params]
description = "Container orchestration"

[languages.de]
title = "Kubernetes"
languageName = "Deutsch (German)"
weight = 5
contentDir = "content/de"
languagedirection = "ltr"
[languages.de.params]
description = "Container-Orchestrierung"

[languages.zh-cn]
title = "Kubernetes"
languageName = "中文 (Chinese)"
weight = 3
contentDir = "content/zh-cn"
[languages.zh-cn.params]
description = "容器编排"

[languages.no]
title = "Kubernetes"
languageName = "Norsk"
weight = 7
contentDir = "content/no"
"""

I18N = {
    "en": """\
        [caution]
        other = "Caution:"
        [note]
        other = "Note:"
        [warning]
        other = "Warning:"
        [prerequisites_heading]
        other = "Before you begin"
        [whatsnext_heading]
        other = "What's next"
        [feature_state]
        other = "FEATURE STATE:"
        [feature_state_kubernetes_label]
        other = "Kubernetes"
        [version_check_mustbe]
        other = "Your Kubernetes server must be version "
        [version_check_mustbeorlater]
        other = "Your Kubernetes server must be at or later than version "
        [version_check_tocheck]
        other = "To check the version, enter "
        [thirdparty_message]
        other = "Items on this page refer to third party products."
        [thirdparty_message_single_item]
        other = "&#128711; This item links to a third party project."
        [feature_gate_enabled]
        other = "(enabled by default: {{ .enabled }})"
        [tab_default]
        other = "Tab {{ . }}"
        """,
    "de": """\
        [caution]
        other = "Achtung:"
        [note]
        other = "Hinweis:"
        [warning]
        other = "Warnung:"
        [prerequisites_heading]
        other = "Bevor Sie beginnen"
        [whatsnext_heading]
        other = "Wie geht es weiter"
        [feature_state]
        other = "FEATURE STATUS:"
        [feature_state_kubernetes_label]
        other = "Kubernetes"
        [version_check_tocheck]
        other = "Um die Version zu prüfen, geben Sie ein: "
        """,
    "zh-cn": """\
        [caution]
        other = "注意："
        [note]
        other = "说明："
        [warning]
        other = "警告："
        [prerequisites_heading]
        other = "准备开始"
        [whatsnext_heading]
        other = "接下来"
        [feature_state]
        other = "特性状态："
        [feature_state_kubernetes_label]
        other = "Kubernetes"
        [version_check_tocheck]
        other = "要获知版本信息，请输入 "
        """,
}

POD_YAML = """\
apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.14.2
"""

CONCEPT = """\
---
title: {title}
content_type: concept
weight: 10
---

<!-- overview -->

{text} {{{{< glossary_tooltip text="Pods" term_id="pod" >}}}} run on a
{{{{< glossary_tooltip term_id="node" >}}}}.

{{{{< feature-state for_k8s_version="v1.29" state="beta" >}}}}

{{{{< feature-state feature_gate_name="SidecarContainers" >}}}}

{{{{< glossary_definition term_id="pod" length="short" prepend="In short, a" >}}}}

<!-- body -->

## Using Pods

See {{{{< api-reference page="workload-resources/pod-v1" >}}}} and
{{{{< api-reference page="workload-resources/pod-v1" anchor="PodSpec" >}}}}.

{{{{< figure src="/images/docs/pod.svg" alt="A Pod" title="Pod" caption="{text}" >}}}}

{{{{% code_sample file="pods/simple-pod.yaml" %}}}}

{{{{< note >}}}}
{text} `kubectl apply`.
{{{{< /note >}}}}

{{{{< caution >}}}}
{text} **two**.
{{{{< /caution >}}}}

{{{{< warning >}}}}
{text}
{{{{< /warning >}}}}

{{{{< table caption="Pod phases" >}}}}
| Phase | Meaning |
|:------|:--------|
| `Pending` | {text} |
| `Running` | {text} |
{{{{< /table >}}}}

{{{{< mermaid >}}}}
graph LR;
  client([client])-. Ingress .->ingress[Ingress];
{{{{< /mermaid >}}}}

{{{{% thirdparty-content %}}}}

## {{{{% heading "whatsnext" %}}}}

* Read about [installing](/docs/tasks/install-kubectl/).
"""

TASK = """\
---
title: {title}
content_type: task
weight: 20
min-kubernetes-server-version: v1.30
---

## {{{{% heading "prerequisites" %}}}}

{text} v{{{{< skew currentVersion >}}}} / v{{{{< skew currentVersionAddMinor -1 >}}}}.
{{{{< version-check >}}}}

{{{{< include "task-tutorial-prereqs.md" >}}}}

## Install {{#install-it}}

- [Binary](#install-kubectl-binary-linux), [package](#install-it).

### Install `kubectl` binary (Linux)

1. Download:

   {{{{< tabs name="download_binary_linux" >}}}}
   {{{{< tab name="x86-64" codelang="bash" >}}}}
   curl -LO "https://dl.k8s.io/release/v{{{{< skew currentPatchVersion >}}}}/bin/linux/amd64/kubectl"
   {{{{< /tab >}}}}
   {{{{< tab name="ARM64" codelang="bash" >}}}}
   curl -LO "https://dl.k8s.io/release/v{{{{< skew currentPatchVersion >}}}}/bin/linux/arm64/kubectl"
   {{{{< /tab >}}}}
   {{{{< /tabs >}}}}

   {{{{< note >}}}}
   {text}

   ```bash
   curl -LO https://dl.k8s.io/release/v{{{{< skew currentPatchVersion >}}}}/bin/linux/amd64/kubectl
   ```

   {{{{< /note >}}}}

1. Repository {{{{< param "version" >}}}}.

{{{{< tabs name="kubectl_install" >}}}}
{{{{% tab name="Debian" %}}}}

1. Update `apt`:

   ```shell
   sudo apt-get update
   ```

{{{{% /tab %}}}}
{{{{% tab name="Red Hat" %}}}}
Use **yum**.
{{{{% /tab %}}}}
{{{{< /tabs >}}}}

## Verify

{{{{< include "included/verify-kubectl.md" >}}}}

{{{{< tabs name="kubectl_autocompletion" >}}}}
{{{{< tab name="Bash" include="included/completion-bash.md" />}}}}
{{{{< /tabs >}}}}
"""

VERIFY = """\
---
title: "verify kubectl install"
headless: true
---
{text} `kubectl cluster-info`.
"""

COMPLETION = """\
---
title: "bash auto-completion"
headless: true
---
### Introduction

{text} `source <(kubectl completion bash)`.
"""

POD_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
           '<rect x="1" y="1" width="118" height="38" fill="#326ce5"/></svg>\n')

GATES = "docs/reference/command-line-tools-reference/feature-gates"
SIDECAR_GATE = """\
---
title: SidecarContainers
content_type: feature_gate
_build:
  list: never
  render: false
stages:
  - stage: alpha
    defaultValue: false
    fromVersion: "1.28"
    toVersion: "1.28"
  - stage: beta
    defaultValue: true
    fromVersion: "1.29"
---
Allow setting the restartPolicy of an init container.
"""

TEXT = {
    "en": ("Pods", "Install kubectl", "Sample text in English."),
    "de": ("Pods", "kubectl installieren", "Beispieltext auf Deutsch."),
    "zh-cn": ("Pod", "安装 kubectl", "这是中文示例文本。"),
}


def glossary(term: str, title: str, text: str) -> str:
    return (f"---\ntitle: {title}\nid: {term}\nfull_link: /docs/concepts/pods/\n"
            f"short_description: >\n  {text}\n\naka:\ntags:\n- fundamental\n---\n {text}\n\n"
            f"<!--more-->\n\n{text}\n")


# A Chinese page in the shape of the site's translations: the English kept in comments,
# shortcodes and list items included.
COMMENTED = """\
---
title: 带注释的页面
content_type: task
weight: 30
---
<!--
title: A page with the English kept in comments
-->

<!--
This page shows how to install {{< glossary_tooltip text="kubectl" term_id="pod" >}}
on v{{< skew currentVersion >}}.
-->
本页说明如何在 v{{< skew currentVersion >}} 上安装。

<!--
## Install kubectl on macOS
-->
## 在 macOS 上安装 kubectl {#install-kubectl-on-macos}

<!--
{{< note >}}
English note.
{{< /note >}}
-->
{{< note >}}
中文说明。
{{< /note >}}

1. 第一步
   <!--
   English step with {{< param "version" >}}.
   -->
   中文步骤 {{< param "version" >}}。

1. 第二步
"""


def files(languages=("en", "de", "zh-cn")) -> dict[str, str]:
    """The site's files, {path: text}, for the given languages."""
    out = {"content/en/examples/pods/simple-pod.yaml": POD_YAML,
           "static/images/docs/pod.svg": POD_SVG,
           f"content/en/{GATES}/_index.md": "---\ntitle: Feature Gates\nweight: 40\n---\n",
           f"content/en/{GATES}/SidecarContainers.md": SIDECAR_GATE}
    for lang in languages:
        concept, task, text = TEXT[lang]
        base = f"content/{lang}/docs"
        out.update({
            f"i18n/{lang}/{lang}.toml": I18N[lang],
            f"content/{lang}/_index.md": f"---\ntitle: Kubernetes\n---\n{text}\n",
            f"{base}/_index.md": f"---\ntitle: Docs\nweight: 1\n---\n{text}\n",
            f"{base}/concepts/_index.md": "---\ntitle: Concepts\nweight: 10\n---\n",
            f"{base}/concepts/pods.md": CONCEPT.format(title=concept, text=text),
            f"{base}/tasks/_index.md": "---\ntitle: Tasks\nweight: 20\n---\n",
            f"{base}/tasks/install-kubectl.md": TASK.format(title=task, text=text),
            f"{base}/tasks/included/_index.md": (
                "---\ntitle: Included\nheadless: true\ntoc_hide: true\nbuild:\n  list: never\n"
                "  render: never\n  publishResources: false\n---\n"),
            f"{base}/tasks/included/verify-kubectl.md": VERIFY.format(text=text),
            f"{base}/tasks/included/completion-bash.md": COMPLETION.format(text=text),
            f"{base}/reference/kubernetes-api/_index.md": "---\ntitle: API\nweight: 40\n---\n",
            f"{base}/reference/kubernetes-api/workload-resources/_index.md": (
                "---\ntitle: Workload Resources\nweight: 1\n---\n"),
            f"{base}/reference/kubernetes-api/workload-resources/pod-v1.md": (
                "---\napi_metadata:\n  apiVersion: v1\n  import: k8s.io/api/core/v1\n"
                "  kind: Pod\ntitle: Pod\nweight: 1\n---\n## PodSpec {#PodSpec}\n\n"
                f"{text}\n"),
            f"content/{lang}/includes/index.md": "---\nheadless: true\n---\n",
            f"content/{lang}/includes/task-tutorial-prereqs.md": (
                f"{text} You need a Kubernetes cluster.\n"),
            f"{base}/reference/glossary/index.md": (
                "---\ntitle: Glossary\nlayout: glossary\nweight: 30\n---\n"),
            f"{base}/reference/glossary/pod.md": glossary("pod", "Pod", text),
            f"{base}/reference/glossary/node.md": glossary("node", "Node", text),
        })
    if "zh-cn" in languages:
        out["content/zh-cn/docs/tasks/commented.md"] = COMMENTED
    return out
