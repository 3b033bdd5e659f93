"""A small site in the shape of istio.io's documentation: English and Chinese content
folders, page front matter with ``keywords``, ``owner`` and ``test``, leaf-bundle pages, and
the site's own shortcodes: ``text`` command blocks (``$`` prompts, output below, ``@file@``
links, positional or named ``syntax``), ``tip``/``warning``/``idea`` callouts,
``boilerplate`` snippets from a headless bundle, ``tabset``/``tab`` with categories and
``gloss`` terms.  Planted for ``check``: a missing boilerplate, a bash block without a ``$``
prompt and a tab outside a tabset.  The product and the words are our own."""

from __future__ import annotations

from pathlib import Path

from .conftest import png_bytes, write_site

HUGO_TOML = """\
baseURL = "https://mesh.example.org/"
title = "Meshwork"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term"]

[languages.en]
contentDir = "content/en"
languageName = "English"
weight = 1

[languages.zh]
contentDir = "content/zh"
languageName = "中文"
weight = 2
"""

GETTING_STARTED_EN = """\
---
title: Getting Started
description: Try Meshwork on a test cluster.
weight: 5
keywords: [getting-started, install, quick-start]
owner: meshwork/wg-environments
test: yes
---

{{< tip >}}
{{< boilerplate gateway-preview >}}
Read the [install guide](/docs/setup/install/) for a production setup.
{{< /tip >}}

This guide installs Meshwork on a {{< gloss >}}cluster{{< /gloss >}} you can throw away
afterwards. Every {{< gloss "workload" >}}service{{< /gloss >}} gets a proxy; the
{{< gloss >}}Cluster{{< /gloss >}} stays yours.

## Download {#download}

1.  Fetch the latest release and unpack it:

    {{< text bash >}}
    $ curl -L https://get.mesh.example.org | sh -
    {{< /text >}}

1.  Move into the unpacked folder and look at the sample:

    {{< text syntax=bash snip_id=none >}}
    $ cd meshwork-1.4
    $ cat @samples/shop/shop.yaml@
    {{< /text >}}

## Install {#install}

{{< warning >}}
Vendor clusters may need their own **profile**: pick it instead of `demo`.
{{< /warning >}}

{{< text bash >}}
$ meshctl install --profile=demo -y
✔ Core installed
✔ Gateways installed
{{< /text >}}

{{< idea >}}
Label a namespace once and every new pod joins the mesh.
{{< /idea >}}

### Reach the gateway

{{< tabset category-name="gateway-ip" >}}

{{< tab name="Minikube" category-value="external-lb" >}}

Start a tunnel in a second terminal:

{{< text bash >}}
$ minikube tunnel
{{< /text >}}

{{< /tab >}}

{{< tab name="Other platforms" category-value="node-port" >}}

Read the *node port* of the gateway:

{{< text bash >}}
$ kubectl get svc gateway -n mesh-system
NAME      TYPE           PORT(S)
gateway   LoadBalancer   80:31380/TCP
{{< /text >}}

{{< /tab >}}

{{< /tabset >}}

{{< image width="60%" link="./dashboard.png" caption="The mesh dashboard" >}}
"""

INSTALL_EN = """\
---
title: Install with meshctl
description: A production install.
weight: 20
keywords: [install, meshctl]
owner: meshwork/wg-environments
test: no
---

Write the settings into a file:

{{< text yaml >}}
apiVersion: install.mesh.example.org/v1
kind: MeshConfig
spec:
  profile: default
{{< /text >}}

Then check what the cluster reports:

{{< text syntax=bash outputis=json >}}
$ meshctl status -o json
{"ready": true}
{{< /text >}}

{{< boilerplate missing-snippet >}}

{{< text bash >}}
meshctl verify-install
{{< /text >}}

{{< tab name="Lonely" >}}
A tab on its own.
{{< /tab >}}
"""

CONCEPTS_EN = """\
---
title: Concepts
description: How the mesh is built.
weight: 20
---

The pages below explain the parts of Meshwork.
"""

TRAFFIC_EN = """\
---
title: Traffic Management
description: Routing rules and gateways.
weight: 10
keywords: [traffic-management, routing]
owner: meshwork/wg-networking
test: n/a
---

Routing rules decide where each request goes.

{{< boilerplate gateway-preview >}}
"""

GETTING_STARTED_ZH = """\
---
title: 入门
description: 在测试集群上试用 Meshwork。
weight: 5
keywords: [getting-started, install]
owner: meshwork/wg-environments
test: yes
---

{{< tip >}}
{{< boilerplate gateway-preview >}}
{{< /tip >}}

本指南把 Meshwork 安装到一个可以随时丢弃的{{< gloss >}}集群{{< /gloss >}}上。

## 下载 {#download}

1.  下载最新版本并解压：

    {{< text bash >}}
    $ curl -L https://get.mesh.example.org | sh -
    {{< /text >}}

1.  进入解压后的目录：

    {{< text bash >}}
    $ cd meshwork-1.4
    {{< /text >}}

## 安装 {#install}

{{< text bash >}}
$ meshctl install --profile=demo -y
✔ 核心组件已安装
{{< /text >}}

### 访问网关

{{< tabset category-name="gateway-ip" >}}
{{< tab name="Minikube" category-value="external-lb" >}}
在第二个终端里启动隧道。
{{< /tab >}}
{{< tab name="其他平台" category-value="node-port" >}}
读取网关的节点端口。
{{< /tab >}}
{{< /tabset >}}

{{< image width="60%" link="./dashboard.png" caption="网格仪表板" >}}
"""

INSTALL_ZH = """\
---
title: 使用 meshctl 安装
weight: 20
owner: meshwork/wg-environments
test: no
---

{{< warning >}}
生产环境请不要使用 `demo` 配置。
{{< /warning >}}
"""

CONCEPTS_ZH = """\
---
title: 概念
weight: 20
---

下面的页面解释 Meshwork 的各个部分。
"""

TRAFFIC_ZH = """\
---
title: 流量管理
weight: 10
owner: meshwork/wg-networking
test: n/a
---

路由规则决定每个请求的去向。
"""


def pages() -> dict[str, str]:
    """The content files of both languages."""
    en, zh = "content/en", "content/zh"
    return {
        f"{en}/_index.md": "---\ntitle: Meshwork\n---\n\nA service mesh for small teams.\n",
        f"{en}/docs/_index.md": "---\ntitle: Documentation\nweight: 1\n---\n\nEverything about Meshwork.\n",
        f"{en}/docs/setup/_index.md": "---\ntitle: Setup\nweight: 10\n---\n\nInstall Meshwork.\n",
        f"{en}/docs/setup/getting-started/index.md": GETTING_STARTED_EN,
        f"{en}/docs/setup/install/index.md": INSTALL_EN,
        f"{en}/docs/concepts/_index.md": CONCEPTS_EN,
        f"{en}/docs/concepts/traffic-management/index.md": TRAFFIC_EN,
        f"{en}/boilerplates/index.md": "---\nheadless: true\n---\n",
        f"{en}/boilerplates/gateway-preview.md": (
            "---\n---\nThe **gateway preview** changes before the next release.\n"),
        # The glossary: a leaf bundle whose page resources are the entries (the gloss
        # shortcode shows an entry's text on hover).
        f"{en}/docs/reference/glossary/index.md": (
            "---\ntitle: Glossary\nweight: 30\nlayout: glossary\n---\n\nTerms used here.\n"),
        f"{en}/docs/reference/glossary/cluster.md": (
            "---\ntitle: Cluster\n---\nA group of machines that run the *mesh* together.\n\n"
            "Its nodes reach each other directly.\n"),
        f"{en}/docs/reference/glossary/workload.md": (
            "---\ntitle: Workload\n---\nA program that serves requests.\n"),
        f"{zh}/docs/reference/glossary/index.md": (
            "---\ntitle: 术语表\nweight: 30\nlayout: glossary\n---\n\n这里用到的术语。\n"),
        f"{zh}/docs/reference/glossary/cluster.md": "---\ntitle: 集群\n---\n一组共同运行网格的机器。\n",
        f"{zh}/_index.md": "---\ntitle: Meshwork\n---\n\n面向小团队的服务网格。\n",
        f"{zh}/docs/_index.md": "---\ntitle: 文档\nweight: 1\n---\n\n关于 Meshwork 的一切。\n",
        f"{zh}/docs/setup/_index.md": "---\ntitle: 安装\nweight: 10\n---\n\n安装 Meshwork。\n",
        f"{zh}/docs/setup/getting-started/index.md": GETTING_STARTED_ZH,
        f"{zh}/docs/setup/install/index.md": INSTALL_ZH,
        f"{zh}/docs/concepts/_index.md": CONCEPTS_ZH,
        f"{zh}/docs/concepts/traffic-management/index.md": TRAFFIC_ZH,
        f"{zh}/boilerplates/index.md": "---\nheadless: true\n---\n",
        f"{zh}/boilerplates/gateway-preview.md": "---\n---\n**网关预览**在下一个版本之前会有变化。\n",
    }


def write_istio_site(root: Path) -> Path:
    """The site written into ``root``, with its picture."""
    files: dict[str, str | bytes] = {"hugo.toml": HUGO_TOML}
    files.update(pages())
    for lang in ("en", "zh"):
        files[f"content/{lang}/docs/setup/getting-started/dashboard.png"] = png_bytes(320, 200, (40, 90, 160))
    return write_site(root, files, hugo=None)
