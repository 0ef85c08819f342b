<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
  <context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/about.py" line="164" />
        <source>About InitScope</source>
        <translation>关于 InitScope</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="166" />
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="169" />
        <source>InitScope trains a small neural network live and shows why its starting weights decide whether it learns at all: with all-zero weights every neuron stays the same and nothing is learned, with large random weights the cost starts huge and falls slowly, and with He initialization the network separates the circles quickly. Pause, step, reset and compare runs while the cost curve, the decision boundary and the weight histograms follow every step.</source>
        <translation>InitScope 实时训练一个小型神经网络，展示为什么初始权重决定了它能不能学会：权重全为零时，每个神经元始终一模一样，什么也学不到；权重为很大的随机数时，代价一开始就非常大，下降得很慢；使用 He 初始化时，网络很快就能把两个圆环分开。你可以随时暂停、单步、重置和对比不同的训练，代价曲线、决策边界和权重直方图会跟着每一步变化。</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="179" />
        <source>Where the experiment comes from</source>
        <translation>实验的出处</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="181" />
        <source>The experiment comes from the “Initialization” programming exercise of the deeplearning.ai course “Improving Deep Neural Networks: Hyperparameter Tuning, Regularization and Optimization” by Andrew Ng. InitScope uses its circles data, its three-layer network and its three initializations (zeros, large random values and He).</source>
        <translation>这个实验来自吴恩达（Andrew Ng）的 deeplearning.ai 课程《改善深层神经网络：超参数调试、正则化以及优化》（Improving Deep Neural Networks: Hyperparameter Tuning, Regularization and Optimization）中的“初始化”（Initialization）编程作业。InitScope 使用了其中的圆环数据、三层神经网络和三种初始化方法（全零、大随机值和 He）。</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="191" />
        <source>InitScope follows a Chinese deep-learning tutorial whose lesson on initializing parameters walks through that exercise step by step, and reproduces the costs and accuracies the lesson prints. InitScope's code and texts are its own; the credit for the exercise and for the lesson belongs to their authors.</source>
        <translation>InitScope 参照了一篇中文深度学习教程，其中讲“初始化参数”的一课一步步讲解了这个编程作业；InitScope 复现了该课打印出的代价和准确率。InitScope 的代码和文字均为自行编写；这个编程作业和这篇教程的功劳归于它们的作者。</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="200" />
        <source>The course on Coursera</source>
        <translation>Coursera 上的课程</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="202" />
        <source>Open the course page</source>
        <translation>打开课程页面</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="203" />
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="205" />
        <source>InitScope is free software under the GNU General Public License, version 3 or any later version (GPL-3.0-or-later), because it is built on PyQt6, which is licensed under the GPL v3. It comes with no warranty.</source>
        <translation>InitScope 是自由软件，按 GNU 通用公共许可证第 3 版或任何更新的版本（GPL-3.0-or-later）发布，因为它基于以 GPL v3 授权的 PyQt6 构建。本软件不提供任何担保。</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="213" />
        <source>Read the GNU General Public License</source>
        <translation>阅读 GNU 通用公共许可证</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="215" />
        <source>Open the licence text</source>
        <translation>打开许可证全文</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="216" />
        <source>Built with</source>
        <translation>使用的软件库</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="217" />
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="224" />
        <source>Libraries and their versions</source>
        <translation>软件库及其版本</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="225" />
        <source>InitScope icon</source>
        <translation>InitScope 图标</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="226" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/about.py" line="227" />
        <source>Close the About window</source>
        <translation>关闭“关于”窗口</translation>
    </message>
</context><context>
    <name>ActivationHistograms</name>
    <message>
        <location filename="../../app/views/diagnostics.py" line="157" />
        <source>Activation histograms, one per hidden layer</source>
        <translation>激活值直方图（每个隐藏层一个）</translation>
    </message>
    <message>
        <location filename="../../app/views/diagnostics.py" line="167" />
        <source>Histogram of the activations of hidden layer {n}</source>
        <translation>隐藏层 {n} 的激活值直方图</translation>
    </message>
    <message>
        <location filename="../../app/views/diagnostics.py" line="200" />
        <source>A{n}: {dead}/{total} {word}</source>
        <translation>A{n}：{dead}/{total} {word}</translation>
    </message>
</context><context>
    <name>AnimationExport</name>
    <message>
        <location filename="../../app/animation/dialog.py" line="46" />
        <source>Log-spaced: dense early, where runs change most</source>
        <translation>对数间隔：前期密集（训练变化最大之处）</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="47" />
        <source>Evenly spaced</source>
        <translation>均匀间隔</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="305" />
        <location filename="../../app/animation/dialog.py" line="242" />
        <location filename="../../app/animation/dialog.py" line="172" />
        <location filename="../../app/animation/dialog.py" line="59" />
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="77" />
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="78" />
        <source>Frames per second</source>
        <translation>每秒帧数</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="79" />
        <source>Iterations</source>
        <translation>迭代取样</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="80" />
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="86" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="120" />
        <source>{frames} frames of iterations 0 to {last}: {seconds} s at {fps} frames per second, then the last frame for {hold} s more.</source>
        <translation>{frames} 帧，覆盖第 0 至 {last} 次迭代：以每秒 {fps} 帧播放 {seconds} 秒，最后一帧再停留 {hold} 秒。</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="166" />
        <source>GIF animation (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="167" />
        <source>WebP animation (*.webp)</source>
        <translation>WebP 动画 (*.webp)</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="187" />
        <source>Train the run first: an animation shows it from iteration 0 to the newest iteration trained.</source>
        <translation>请先训练：动画展示从第 0 次迭代到最新一次已训练的迭代。</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="204" />
        <source>{file}: the file name must end in {formats}</source>
        <translation>{file}：文件名必须以 {formats} 结尾</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="212" />
        <source>{folder} is not a folder that can be written.</source>
        <translation>{folder} 不是可写入的文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="235" />
        <source>Replaying the run…</source>
        <translation>正在重放训练过程…</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="236" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="257" />
        <source>Drawing frame {n} of {total}…</source>
        <translation>正在绘制第 {n} 帧（共 {total} 帧）…</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="265" />
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="280" />
        <source>Saved the animation {path}: {n} frames, {w}×{h}</source>
        <translation>动画已保存到 {path}：{n} 帧，{w}×{h}</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="292" />
        <source>The animation could not be written to {path}: {reason}</source>
        <translation>无法将动画写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/animation/dialog.py" line="300" />
        <source>Export cancelled: no file was written.</source>
        <translation>已取消导出：未写入任何文件。</translation>
    </message>
</context><context>
    <name>CompareCostPlot</name>
    <message>
        <location filename="../../app/views/compare/cost_plot.py" line="88" />
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/cost_plot.py" line="89" />
        <source>cost (log scale)</source>
        <translation>代价（对数坐标）</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/cost_plot.py" line="91" />
        <source>cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/cost_plot.py" line="94" />
        <source>cost {value}</source>
        <translation>代价 {value}</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/cost_plot.py" line="96" />
        <source>Cost curves of the compared runs</source>
        <translation>参与比较的各次训练的代价曲线</translation>
    </message>
</context><context>
    <name>CompareView</name>
    <message>
        <location filename="../../app/controllers/compare_controller.py" line="193" />
        <source>continuing from iteration {n}, the newest</source>
        <translation>从最新的第 {n} 次迭代继续</translation>
    </message>
    <message>
        <location filename="../../app/controllers/compare_controller.py" line="211" />
        <source>reset: every configuration back to iteration 0, same initial weights</source>
        <translation>已重置：所有配置回到第 0 次迭代，初始权重不变</translation>
    </message>
    <message>
        <location filename="../../app/controllers/compare_controller.py" line="253" />
        <source>“{text}” refused: {reason}</source>
        <translation>“{text}”无效：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/controllers/compare_controller.py" line="265" />
        <source>at most {n} configurations at once: remove one first</source>
        <translation>最多同时比较 {n} 个配置：请先移除一个</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="45" />
        <source>diverged at {n}</source>
        <translation>在第 {n} 次迭代发散</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="47" />
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="48" />
        <source>stepping</source>
        <translation>单步中</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="49" />
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="50" />
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="51" />
        <source>catching up</source>
        <translation>追赶中</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="52" />
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="78" />
        <source>lr {lr}</source>
        <translation>学习率 {lr}</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="84" />
        <source>seed {seed}</source>
        <translation>种子 {seed}</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="105" />
        <source>{init} ({formula}), learning rate {lr}, hidden {hidden}, {activation}, seed {seed}</source>
        <translation>{init}（{formula}），学习率 {lr}，隐藏层 {hidden}，{activation}，种子 {seed}</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="137" />
        <location filename="../../app/views/compare/texts.py" line="121" />
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="122" />
        <source>Iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="123" />
        <source>Cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="124" />
        <source>Train accuracy</source>
        <translation>训练集准确率</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="125" />
        <source>Test accuracy</source>
        <translation>测试集准确率</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="126" />
        <source>Cost ≤ {cost} at</source>
        <translation>代价 ≤ {cost} 于</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="127" />
        <source>Train acc ≥ {accuracy} at</source>
        <translation>训练准确率 ≥ {accuracy} 于</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="130" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="136" />
        <source>not reached</source>
        <translation>未达到</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="140" />
        <source>not finite</source>
        <translation>非有限值</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="171" />
        <source>running past the stop-at {target}: Pause to stop</source>
        <translation>已越过停止点 {target} 继续训练：按暂停停止</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="175" />
        <source>iteration {i} of {n}</source>
        <translation>迭代 {i} / {n}</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="182" />
        <source>rewound: Play resumes at {n}</source>
        <translation>已回退：播放从 {n} 继续</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="188" />
        <source>{rate} steps/s in all</source>
        <translation>共 {rate} 步/秒</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="193" />
        <source>a new configuration is catching up</source>
        <translation>新配置正在追赶</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/texts.py" line="197" />
        <source>maps {n}×{n}, {rate}×/s, so training stays fast</source>
        <translation>决策图 {n}×{n}，每秒 {rate} 次，以保证训练速度</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="149" />
        <source>Initializer of the configuration to add</source>
        <translation>要添加的配置的初始化方法</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="150" />
        <source>The initializer of the configuration that Add compares next</source>
        <translation>点击“添加”后加入比较的配置所用的初始化方法</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="154" />
        <source>Weight scale</source>
        <translation>权重缩放</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="155" />
        <source>The weight scale of the 'scaled' initializer</source>
        <translation>“缩放”初始化的权重倍数</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="157" />
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="160" />
        <source>Learning rate of the configuration to add</source>
        <translation>要添加的配置的学习率</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="161" />
        <source>The learning rate of the configuration that Add compares next</source>
        <translation>点击“添加”后加入比较的配置所用的学习率</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="165" />
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="168" />
        <source>Hidden layers of the configuration to add</source>
        <translation>要添加的配置的隐藏层</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="169" />
        <source>Hidden layer sizes, e.g. 10,5 (the tutorial's) or 50,50,50</source>
        <translation>各隐藏层的大小，例如 10,5（教程所用）或 50,50,50</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="171" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="174" />
        <source>Add configuration</source>
        <translation>添加配置</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="175" />
        <source>Compare this configuration too (up to {n}); it catches up with the others' iteration, then trains in step with them</source>
        <translation>把这个配置也加入比较（最多 {n} 个）；它会先追赶到其他配置的迭代次数，然后与它们同步训练</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="181" />
        <source>Remove selected</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="184" />
        <source>Remove selected configuration</source>
        <translation>移除所选配置</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="185" />
        <source>Stop comparing the configuration selected in the table</source>
        <translation>不再比较表格中选中的配置</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="324" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="324" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="329" />
        <source>All together</source>
        <translation>全部一起</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="332" />
        <source>Play or pause every configuration</source>
        <translation>播放或暂停所有配置</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="333" />
        <source>Run or pause every configuration, in step</source>
        <translation>同步运行或暂停所有配置</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="335" />
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="338" />
        <source>Step every configuration</source>
        <translation>所有配置单步</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="339" />
        <source>While paused: every configuration takes the given number of steps. While running: pause</source>
        <translation>暂停时：每个配置走给定的步数。运行时：暂停</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="347" />
        <source>Steps per click of Step</source>
        <translation>每次单步的步数</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="348" />
        <source>How many gradient steps one click of Step takes</source>
        <translation>点击一次“单步”走多少个梯度步</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="350" />
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="353" />
        <source>Reset every configuration</source>
        <translation>重置所有配置</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="354" />
        <source>Every configuration back to iteration 0, same weights</source>
        <translation>所有配置回到第 0 次迭代，初始权重不变</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="359" />
        <location filename="../../app/views/compare/controls_row.py" line="356" />
        <source>Log-scale cost</source>
        <translation>代价用对数坐标</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="360" />
        <source>Random ×10 starts near 1774: a log axis keeps all curves legible</source>
        <translation>随机 ×10 的代价从约 1774 开始：对数坐标让所有曲线都看得清</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="367" />
        <location filename="../../app/views/compare/controls_row.py" line="364" />
        <source>Networks</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="368" />
        <source>Each run's network instead of its map: every neuron's output over the plane</source>
        <translation>显示每次运行的网络而不是决策图：每个神经元在平面上的输出</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="376" />
        <location filename="../../app/views/compare/controls_row.py" line="373" />
        <source>Flat out</source>
        <translation>全速</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="377" />
        <source>Train as fast as this machine can; unchecked, at a pace you can talk over</source>
        <translation>以本机最快的速度训练；不勾选时，以便于讲解的速度训练</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/controls_row.py" line="382" />
        <source>Comparison status</source>
        <translation>比较状态</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/table.py" line="195" />
        <source>Compared configurations</source>
        <translation>参与比较的配置</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/table.py" line="196" />
        <source>Milestones are exact to the iteration: checked every {n} steps, then pinned by replaying the steps since the previous check.</source>
        <translation>里程碑精确到每次迭代：每 {n} 步检查一次，再重放上次检查以来的各步来确定确切的迭代次数。</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/view.py" line="280" />
        <source>stopped: {error}</source>
        <translation>已停止：{error}</translation>
    </message>
</context><context>
    <name>ControlPanel</name>
    <message>
        <location filename="../../app/views/controls.py" line="31" />
        <source>flat out</source>
        <translation>全速</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="33" />
        <source>1 step / frame</source>
        <translation>每帧 1 步</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="34" />
        <source>{n} steps / frame</source>
        <translation>每帧 {n} 步</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="66" />
        <source>Shortcut: {key}</source>
        <translation>快捷键：{key}</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="337" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="337" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="342" />
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="343" />
        <source>&amp;Initializer</source>
        <translation>初始化(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="348" />
        <source>Weight initializer</source>
        <translation>权重初始化方法</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="350" />
        <source>About this initializer</source>
        <translation>关于此初始化方法</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="351" />
        <source>S&amp;eed</source>
        <translation>种子(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="354" />
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="355" />
        <source>The seed of the initializer's random numbers (the tutorial uses 3). Reset replays the same seed; a new seed draws different weights.</source>
        <translation>初始化所用随机数的种子（教程用 3）。重置会沿用同一种子；换一个新种子会得到不同的权重。</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="364" />
        <location filename="../../app/views/controls.py" line="361" />
        <source>New seed</source>
        <translation>新种子</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="365" />
        <source>Draw different initial weights (N)</source>
        <translation>抽取另一组初始权重（N）</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="367" />
        <source>Scale &amp;k</source>
        <translation>倍数 &amp;k</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="370" />
        <source>Scale multiplier</source>
        <translation>缩放倍数</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="371" />
        <source>The multiplier k of the 'scaled' initializer: randn × k·√(1/n_in)</source>
        <translation>“缩放”初始化的倍数 k：randn × k·√(1/n_in)</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="376" />
        <source>&amp;Learning rate</source>
        <translation>学习率(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="379" />
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="380" />
        <source>Gradient-descent step size. A change applies from the next step and resets nothing.</source>
        <translation>梯度下降的步长。修改从下一步起生效，不会重置训练。</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="387" />
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="388" />
        <source>&amp;Hidden layers</source>
        <translation>隐藏层(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="391" />
        <source>Hidden layer sizes</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="392" />
        <source>Hidden layer sizes separated by commas, e.g. 10,5 (the tutorial's) or 50,50,50. 1 to {layers} layers of 1 to {units} units; press Enter.</source>
        <translation>用逗号分隔各隐藏层的神经元数，例如 10,5（教程所用）或 50,50,50。可有 1 到 {layers} 层，每层 1 到 {units} 个单元；按回车确认。</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="398" />
        <source>&amp;Activation</source>
        <translation>激活函数(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="403" />
        <source>Hidden activation</source>
        <translation>隐藏层激活函数</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="404" />
        <source>The hidden layers' activation; the output is always a sigmoid</source>
        <translation>隐藏层的激活函数；输出层始终是 sigmoid</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="409" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="410" />
        <source>&amp;Data</source>
        <translation>数据集(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="415" />
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="416" />
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="419" />
        <source>Load points from a CSV file</source>
        <translation>从 CSV 文件载入数据点</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="420" />
        <source>Load your own points: x1, x2, label (0 or 1) per line</source>
        <translation>载入自己的数据点：每行 x1, x2, 标签（0 或 1）</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="422" />
        <source>N&amp;oise</source>
        <translation>噪声(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="425" />
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="426" />
        <source>How far points scatter from the clean shape</source>
        <translation>数据点偏离理想形状的程度</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="428" />
        <source>Poi&amp;nts</source>
        <translation>点数(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="431" />
        <source>Training points</source>
        <translation>训练点数</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="432" />
        <source>Training points; the test set has a third as many</source>
        <translation>训练集的点数；测试集是它的三分之一</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="435" />
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="439" />
        <source>Play or pause</source>
        <translation>播放或暂停</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="440" />
        <source>Run or pause training (Space)</source>
        <translation>开始或暂停训练（空格）</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="445" />
        <location filename="../../app/views/controls.py" line="442" />
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="446" />
        <source>While paused: take the given number of steps. While running: pause (→ or S)</source>
        <translation>暂停时：走指定的步数。运行时：暂停（→ 或 S）</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="454" />
        <location filename="../../app/views/controls.py" line="451" />
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="455" />
        <source>Back to iteration 0 with the same initial weights (R)</source>
        <translation>回到第 0 次迭代，初始权重不变（R）</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="457" />
        <source>Steps per &amp;click</source>
        <translation>每次单步的步数(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="458" />
        <source>Steps per click of Step</source>
        <translation>每按一次“单步”走的步数</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="459" />
        <source>S&amp;top at</source>
        <translation>停在(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="462" />
        <source>Stop at iteration</source>
        <translation>在此迭代次数停止</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="463" />
        <source>A run pauses by itself here (the tutorial trains 15000 steps). Play at or past it runs on until paused.</source>
        <translation>训练到这里会自动暂停（教程训练 15000 步）。到达或超过后再按播放，会一直训练到手动暂停。</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="469" />
        <source>S&amp;peed</source>
        <translation>速度(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="472" />
        <source>Training speed</source>
        <translation>训练速度</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="473" />
        <source>Gradient steps per frame: slow down the first steps to watch them</source>
        <translation>每帧的梯度下降步数：调慢可以看清最初几步</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="478" />
        <source>Steps per frame</source>
        <translation>每帧步数</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="482" />
        <location filename="../../app/views/controls.py" line="479" />
        <source>Flat out</source>
        <translation>全速</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="483" />
        <source>Train as fast as this machine can; click again to go back to a pace you can talk over</source>
        <translation>以本机最快的速度训练；再点一次回到便于讲解的速度</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="490" />
        <source>Cost curve</source>
        <translation>代价曲线</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="491" />
        <source>&amp;Log scale</source>
        <translation>对数坐标(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="492" />
        <source>Log scale for the cost</source>
        <translation>代价使用对数坐标</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="496" />
        <location filename="../../app/views/controls.py" line="493" />
        <source>Clear earlier runs</source>
        <translation>清除之前的运行</translation>
    </message>
    <message>
        <location filename="../../app/views/controls.py" line="497" />
        <source>Remove the faint curves of earlier runs</source>
        <translation>去掉之前运行留下的浅色曲线</translation>
    </message>
</context><context>
    <name>CostPlot</name>
    <message>
        <location filename="../../app/views/cost_plot.py" line="128" />
        <source>Cost curve</source>
        <translation>代价曲线</translation>
    </message>
    <message>
        <location filename="../../app/views/cost_plot.py" line="133" />
        <source>cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <location filename="../../app/views/cost_plot.py" line="136" />
        <source>cost (log scale)</source>
        <translation>代价（对数坐标）</translation>
    </message>
    <message>
        <location filename="../../app/views/cost_plot.py" line="139" />
        <source>cost (log)</source>
        <translation>代价（对数）</translation>
    </message>
    <message>
        <location filename="../../app/views/cost_plot.py" line="143" />
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location filename="../../app/views/cost_plot.py" line="159" />
        <source>current run</source>
        <translation>当前运行</translation>
    </message>
    <message>
        <location filename="../../app/views/cost_plot.py" line="160" />
        <source>now: {run}</source>
        <translation>当前：{run}</translation>
    </message>
    <message>
        <location filename="../../app/views/cost_plot.py" line="165" />
        <source>earlier: {run}</source>
        <translation>之前：{run}</translation>
    </message>
</context><context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/crash.py" line="241" />
        <source>Errors so far: {n}</source>
        <translation>目前共出错 {n} 次</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="247" />
        <source>Hide details</source>
        <translation>隐藏详细信息</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="249" />
        <source>Show details</source>
        <translation>显示详细信息</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="252" />
        <source>InitScope: something went wrong</source>
        <translation>InitScope：出错了</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="254" />
        <source>Something went wrong. InitScope keeps running, and your run was not lost. If the window looks wrong, press Reset. If this keeps happening, please copy the details and send them to the developers.</source>
        <translation>出错了。InitScope 仍在运行，当前的训练也没有丢失。如果窗口显示异常，请按“重置”。如果反复出现这个错误，请复制详细信息并发送给开发者。</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="263" />
        <source>The details were also saved to {path}</source>
        <translation>详细信息也已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="267" />
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="268" />
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="269" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="273" />
        <source>Show or hide the error details</source>
        <translation>显示或隐藏错误的详细信息</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="276" />
        <source>Copy the error details to the clipboard</source>
        <translation>将错误的详细信息复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="278" />
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="279" />
        <source>Error details</source>
        <translation>错误详细信息</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="281" />
        <source>The technical report of the error, for the developers</source>
        <translation>错误的技术报告，供开发者参考</translation>
    </message>
    <message>
        <location filename="../../app/crash.py" line="283" />
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
</context><context>
    <name>DecisionMap</name>
    <message>
        <location filename="../../app/views/decision_map.py" line="114" />
        <source>Decision boundary: P(class 1) with the data points</source>
        <translation>决策边界：P(类别 1) 与数据点</translation>
    </message>
    <message>
        <location filename="../../app/views/decision_map.py" line="121" />
        <source>x1</source>
        <translation>x1</translation>
    </message>
    <message>
        <location filename="../../app/views/decision_map.py" line="122" />
        <source>x2</source>
        <translation>x2</translation>
    </message>
    <message>
        <location filename="../../app/views/decision_map.py" line="208" />
        <source>No boundary: P(class 1) = {p} everywhere
every point is called {side}</source>
        <translation>没有决策边界：处处 P(类别 1) = {p}
每个点都被判为{side}</translation>
    </message>
    <message>
        <location filename="../../app/views/decision_map.py" line="213" />
        <source>No boundary in view:
every point is called {side}</source>
        <translation>视野内没有决策边界：
每个点都被判为{side}</translation>
    </message>
    <message>
        <location filename="../../app/views/decision_map.py" line="234" />
        <source>class {n}</source>
        <translation>类别 {n}</translation>
    </message>
    <message>
        <location filename="../../app/views/decision_map.py" line="240" />
        <source>train · class {n}</source>
        <translation>训练集 · 类别 {n}</translation>
    </message>
    <message>
        <location filename="../../app/views/decision_map.py" line="241" />
        <source>test · class {n}</source>
        <translation>测试集 · 类别 {n}</translation>
    </message>
</context><context>
    <name>DiagnosticsSummary</name>
    <message>
        <location filename="../../app/views/diagnostics.py" line="248" />
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../app/views/diagnostics.py" line="272" />
        <source>Distinct neurons: {counts}</source>
        <translation>不同的神经元：{counts}</translation>
    </message>
    <message>
        <location filename="../../app/views/diagnostics.py" line="274" />
        <source>{word} units: {counts}</source>
        <translation>{word}单元：{counts}</translation>
    </message>
    <message>
        <location filename="../../app/views/diagnostics.py" line="281" />
        <source>{word}: {rule}</source>
        <translation>{word}：{rule}</translation>
    </message>
    <message>
        <location filename="../../app/views/diagnostics.py" line="293" />
        <source>out</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../app/views/diagnostics.py" line="294" />
        <source>L{n}</source>
        <translation>L{n}</translation>
    </message>
    <message>
        <location filename="../../app/views/diagnostics.py" line="299" />
        <source>{saturated} of {n} training outputs are exactly 0.0 or 1.0 in float64.</source>
        <translation>{n} 个训练输出中有 {saturated} 个在 float64 中恰好等于 0.0 或 1.0。</translation>
    </message>
</context><context>
    <name>FileActions</name>
    <message>
        <location filename="../../app/file_actions.py" line="59" />
        <source>InitScope</source>
        <translation>InitScope</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="67" />
        <source>Save picture</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="69" />
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="95" />
        <source>The picture could not be saved: {reason}</source>
        <translation>无法保存图片：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="102" />
        <source>The picture could not be written to {path}</source>
        <translation>无法把图片写入 {path}</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="107" />
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="113" />
        <source>Export history</source>
        <translation>导出训练记录</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="115" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="124" />
        <source>There is no run to export yet.</source>
        <translation>还没有可导出的训练。</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="165" />
        <location filename="../../app/file_actions.py" line="130" />
        <source>{path} could not be written: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="136" />
        <source>Exported {rows} rows to {path}</source>
        <translation>已导出 {rows} 行到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="143" />
        <source>Save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="145" />
        <source>InitScope experiments (*.json)</source>
        <translation>InitScope 实验 (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="170" />
        <source>Saved the experiment to {path}</source>
        <translation>实验已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="175" />
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="176" />
        <source>InitScope experiments (*.json);;All files (*)</source>
        <translation>InitScope 实验 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="188" />
        <source>{path} was not loaded: {reason}</source>
        <translation>未能载入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="192" />
        <source>The current experiment is unchanged.</source>
        <translation>当前实验保持不变。</translation>
    </message>
    <message>
        <location filename="../../app/file_actions.py" line="195" />
        <source>Loaded the experiment {path}</source>
        <translation>已载入实验 {path}</translation>
    </message>
</context><context>
    <name>GradientNormPlot</name>
    <message>
        <location filename="../../app/views/diagnostics.py" line="69" />
        <source>Gradient norm of each layer</source>
        <translation>各层的梯度范数</translation>
    </message>
    <message>
        <location filename="../../app/views/diagnostics.py" line="75" />
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location filename="../../app/views/diagnostics.py" line="76" />
        <source>|δ| per layer (log)</source>
        <translation>各层 |δ|（对数）</translation>
    </message>
    <message>
        <location filename="../../app/views/diagnostics.py" line="81" />
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../app/views/diagnostics.py" line="82" />
        <source>layer {n}</source>
        <translation>第 {n} 层</translation>
    </message>
</context><context>
    <name>LayerHistogram</name>
    <message>
        <location filename="../../app/views/weight_histograms.py" line="53" />
        <source>W{n} · {rows}×{cols} · He std √(2/{fan_in}) = {std}</source>
        <translation>W{n} · {rows}×{cols} · He 标准差 √(2/{fan_in}) = {std}</translation>
    </message>
    <message>
        <location filename="../../app/views/weight_histograms.py" line="64" />
        <source>weights not finite</source>
        <translation>权重不是有限值</translation>
    </message>
    <message>
        <location filename="../../app/views/weight_histograms.py" line="67" />
        <source>mean {mean}
std {std}</source>
        <translation>均值 {mean}
标准差 {std}</translation>
    </message>
    <message>
        <location filename="../../app/views/weight_histograms.py" line="115" />
        <source>Histogram of the weights of layer {n}</source>
        <translation>第 {n} 层的权重直方图</translation>
    </message>
</context><context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../app/views/lesson.py" line="40" />
        <source>1 · All zeros</source>
        <translation>1 · 全部为零</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="42" />
        <source>Every weight starts at 0. Press Play and watch the cost: it sits at ln 2 ≈ 0.693 and never moves, and accuracy stays at 50%. The histograms show one spike per layer and the diagnostics count one distinct neuron per layer: identical neurons get identical gradients, so they can never become different.</source>
        <translation>每个权重都从 0 开始。按“播放”并观察代价：它停在 ln 2 ≈ 0.693，一动不动，准确率始终是 50%。直方图中每层只有一根尖峰，诊断显示每层只有一个不同的神经元：完全相同的神经元得到完全相同的梯度，所以它们永远无法变得不同。</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="51" />
        <source>2 · Random, ten times too large</source>
        <translation>2 · 随机初始化，大了十倍</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="53" />
        <source>Random weights break the symmetry, but ×10 is far too big. Look at the first cost: about 1774, and all 300 outputs are exactly 0 or 1 in floating point — the textbook formula would print inf. Play: it learns, but slowly, ending near 83% / 86%.</source>
        <translation>随机权重打破了对称性，但 ×10 实在太大。看第一个代价：约 1774，而且 300 个输出在浮点数中全都恰好是 0 或 1——教科书上的公式会输出 inf。播放：网络能学习，但很慢，最后约为 83% / 86%。</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="61" />
        <source>3 · He initialization</source>
        <translation>3 · He 初始化</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="63" />
        <source>Same network, same data, only the scale differs: randn × √(2 / fan-in). Play and compare with the faint curves of steps 1 and 2: the cost falls fast and the test accuracy reaches 96%. Nothing else changed.</source>
        <translation>同样的网络、同样的数据，只有缩放不同：randn × √(2 / fan-in)。播放，并与第 1、2 步留下的淡色曲线比较：代价下降很快，测试集准确率达到 96%。其他什么都没变。</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="71" />
        <source>4 · Deep and too small: vanishing gradients</source>
        <translation>4 · 深层且过小：梯度消失</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="73" />
        <source>Ten tanh layers of 50 units, weights × 0.01. Each layer shrinks the signal, so the gradient-norm curves of the first layers lie orders of magnitude below the last one's and the cost barely moves.</source>
        <translation>十个各有 50 个单元的 tanh 层，权重 × 0.01。每一层都会把信号缩小，所以前几层的梯度范数曲线比最后一层低好几个数量级，代价几乎不动。</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="81" />
        <source>5 · Deep and too large: exploding gradients</source>
        <translation>5 · 深层且过大：梯度爆炸</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="83" />
        <source>The same ten layers, weights ×5 too large. Activations pile up at ±1 (see the activation histograms) and gradients swing wildly from layer to layer; training is erratic or stalls.</source>
        <translation>同样的十层，权重 ×5，过大了。激活值堆积在 ±1（见激活值直方图），梯度在层与层之间剧烈波动；训练不稳定或停滞。</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="91" />
        <source>6 · Deep and balanced: Xavier</source>
        <translation>6 · 深层且均衡：Xavier</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="93" />
        <source>Glorot/Xavier scaling keeps the variance of signals and gradients about the same in every layer: the gradient-norm curves stay close together and the deep tanh network trains.</source>
        <translation>Glorot/Xavier 缩放让信号和梯度的方差在每一层大致保持不变：梯度范数曲线彼此靠近，深层 tanh 网络能够训练。</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="101" />
        <source>7 · Deep ReLU with He</source>
        <translation>7 · 深层 ReLU 配 He 初始化</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="103" />
        <source>For ReLU layers, He's √(2 / fan-in) plays the same role: ten layers deep and the gradients still flow. Try the other initializers on this network and compare.</source>
        <translation>对于 ReLU 层，He 的 √(2 / fan-in) 起着同样的作用：即使有十层深，梯度仍能顺畅传播。在这个网络上试试其他初始化方法，比较一下。</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="182" />
        <source>Set up this run</source>
        <translation>设置这次运行</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="183" />
        <source>Set up this lesson step's run</source>
        <translation>设置本课步骤的运行</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="185" />
        <source>Load this step's network, data, initializer and learning rate (the current run is kept as a faint curve)</source>
        <translation>载入这一步的网络、数据、初始化方法和学习率（当前运行保留为淡色曲线）</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="191" />
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="192" />
        <source>Previous lesson step</source>
        <translation>上一个课程步骤</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="193" />
        <source>Show the previous step</source>
        <translation>显示上一步</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="194" />
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="195" />
        <source>Next lesson step</source>
        <translation>下一个课程步骤</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="196" />
        <source>Show the next step</source>
        <translation>显示下一步</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="197" />
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="221" />
        <source>Lesson step {n} of {total}</source>
        <translation>课程第 {n} 步，共 {total} 步</translation>
    </message>
    <message>
        <location filename="../../app/views/lesson.py" line="228" />
        <source>Not set up yet: the window trains another run. Press “Set up this run” first.</source>
        <translation>尚未设置：窗口正在训练另一次运行。请先按“设置这次运行”。</translation>
    </message>
</context><context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="250" />
        <source>InitScope — weight initialization, live</source>
        <translation>InitScope — 实时观察权重初始化</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="251" />
        <source>Controls</source>
        <translation>控制</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="252" />
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="253" />
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="254" />
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="255" />
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="256" />
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="257" />
        <source>Single run</source>
        <translation>单次训练</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="258" />
        <source>Compare initializers</source>
        <translation>对比初始化方法</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="259" />
        <source>Controls and lesson</source>
        <translation>控制与课程</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="261" />
        <source>Weights, gradients, activations</source>
        <translation>权重、梯度、激活值</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="263" />
        <source>Single run or comparison</source>
        <translation>单次训练或对比</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="264" />
        <source>Cost curve</source>
        <translation>代价曲线</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="265" />
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="281" />
        <source>No translation for {code}</source>
        <translation>没有 {code} 的翻译</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="371" />
        <source>Presets set up the single run: here it is</source>
        <translation>预设用于单次运行：已切换到这里</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="390" />
        <location filename="../../app/main_window.py" line="383" />
        <source>Load 2-D points</source>
        <translation>载入二维数据点</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="385" />
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="515" />
        <source>Closing: waiting for the current step to finish…</source>
        <translation>正在关闭：等待当前这一步完成…</translation>
    </message>
    <message>
        <location filename="../../app/field_limits.py" line="49" />
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../app/field_limits.py" line="50" />
        <source>scale</source>
        <translation>缩放倍数</translation>
    </message>
    <message>
        <location filename="../../app/field_limits.py" line="51" />
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../app/field_limits.py" line="52" />
        <source>number of points</source>
        <translation>点数</translation>
    </message>
    <message>
        <location filename="../../app/field_limits.py" line="53" />
        <source>stop-at iteration</source>
        <translation>停止迭代次数</translation>
    </message>
    <message>
        <location filename="../../app/field_limits.py" line="54" />
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../../app/field_limits.py" line="75" />
        <source>the window cannot show a {name} of {value}: it takes {low} to {high}</source>
        <translation>窗口无法显示值为 {value} 的{name}：可用范围是 {low} 到 {high}</translation>
    </message>
    <message>
        <location filename="../../app/field_limits.py" line="84" />
        <source>the window cannot show a {name} of {value}: it shows {decimals} decimals</source>
        <translation>窗口无法显示值为 {value} 的{name}：只显示 {decimals} 位小数</translation>
    </message>
    <message>
        <location filename="../../app/window_presentation.py" line="113" />
        <source>Projector mode on: Ctrl+P or F5 turns it off</source>
        <translation>投影模式已开启：按 Ctrl+P 或 F5 关闭</translation>
    </message>
    <message>
        <location filename="../../app/window_presentation.py" line="115" />
        <source>Projector mode off</source>
        <translation>投影模式已关闭</translation>
    </message>
    <message>
        <location filename="../../app/window_presentation.py" line="131" />
        <source>Zoom {percent} %</source>
        <translation>缩放 {percent}%</translation>
    </message>
    <message>
        <location filename="../../app/controllers/run_controller.py" line="73" />
        <source>{init}, seed {seed}, lr {lr}</source>
        <translation>{init}，种子 {seed}，学习率 {lr}</translation>
    </message>
    <message>
        <location filename="../../app/controllers/run_controller.py" line="144" />
        <source>The last experiment used {file}, which is not read again at start: the rest of it is set up on the default data (CSV… loads the file again).</source>
        <translation>上次的实验使用了 {file}，启动时不会重新读取：其余设置已在默认数据上恢复（用“CSV…”可再次载入该文件）。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/run_controller.py" line="205" />
        <source>Move the timeline back first: branching starts there</source>
        <translation>请先把时间轴向回移动：分支从那里开始</translation>
    </message>
    <message>
        <location filename="../../app/controllers/run_controller.py" line="212" />
        <source>branched at iteration {k:,}: training goes on from there; the old run is the faint curve</source>
        <translation>已在第 {k:,} 次迭代分支：训练从那里继续；原来的运行是淡色曲线</translation>
    </message>
    <message>
        <location filename="../../app/controllers/run_controller.py" line="225" />
        <source>Continuing from iteration {n:,}, the newest (the timeline showed {k:,}; “Branch here” trains on from there instead)</source>
        <translation>从最新的第 {n:,} 次迭代继续（时间轴显示的是 {k:,}；“从此处分支”则会从那里继续训练）</translation>
    </message>
    <message>
        <location filename="../../app/controllers/run_controller.py" line="236" />
        <source>reset: iteration 0, paused, same initial weights</source>
        <translation>已重置：第 0 次迭代，已暂停，初始权重不变</translation>
    </message>
    <message>
        <location filename="../../app/controllers/run_controller.py" line="267" />
        <source>learning rate {lr} from the next step</source>
        <translation>从下一步起学习率为 {lr}</translation>
    </message>
    <message>
        <location filename="../../app/controllers/run_controller.py" line="306" />
        <source>“{text}” refused: {reason}</source>
        <translation>“{text}”未被接受：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/controllers/run_controller.py" line="326" />
        <source>new weights: iteration 0, paused</source>
        <translation>新权重：第 0 次迭代，已暂停</translation>
    </message>
    <message>
        <location filename="../../app/controllers/run_controller.py" line="339" />
        <source>Loaded {name}: {n} points</source>
        <translation>已载入 {name}：{n} 个点</translation>
    </message>
    <message>
        <location filename="../../app/controllers/run_controller.py" line="358" />
        <source>{preset}: paused at iteration 0, press Play</source>
        <translation>{preset}：停在第 0 次迭代，请按播放</translation>
    </message>
    <message>
        <location filename="../../app/controllers/run_controller.py" line="380" />
        <source>experiment loaded: iteration 0, paused</source>
        <translation>实验已载入：第 0 次迭代，已暂停</translation>
    </message>
    <message>
        <location filename="../../app/controllers/run_controller.py" line="414" />
        <source>{message}. Nothing was changed.</source>
        <translation>{message}。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="52" />
        <source>running</source>
        <translation>训练中</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="54" />
        <source>running past the stop-at {target}: Pause to stop</source>
        <translation>已越过停止点 {target} 继续训练：按暂停停止</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="58" />
        <source>{n} steps/s</source>
        <translation>每秒 {n} 步</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="61" />
        <source>stepping…</source>
        <translation>单步中…</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="63" />
        <source>finished {n} iterations</source>
        <translation>已完成 {n} 次迭代</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="65" />
        <source>training diverged at iteration {n}: lower the learning rate or try another initializer, then Reset</source>
        <translation>训练在第 {n} 次迭代发散：请调低学习率或换一种初始化方法，然后重置</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="70" />
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../app/animation/canvas.py" line="54" />
        <location filename="../../app/views/status_strip.py" line="212" />
        <source>Iteration {n}</source>
        <translation>迭代 {n}</translation>
    </message>
    <message>
        <location filename="../../app/animation/canvas.py" line="56" />
        <location filename="../../app/views/status_strip.py" line="217" />
        <source>Cost {cost}</source>
        <translation>代价 {cost}</translation>
    </message>
    <message>
        <location filename="../../app/animation/canvas.py" line="58" />
        <location filename="../../app/views/status_strip.py" line="223" />
        <source>Cost: not a number</source>
        <translation>代价：非数值 (NaN)</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="225" />
        <source>Train accuracy {acc} ({right}/{n})</source>
        <translation>训练集准确率 {acc}（{right}/{n}）</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="226" />
        <source>Test accuracy {acc} ({right}/{n})</source>
        <translation>测试集准确率 {acc}（{right}/{n}）</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="246" />
        <source>{k} of {n} outputs are exactly 0 or 1 in float64: the naive −log(σ) loss would print inf here; InitScope computes it from the logits.</source>
        <translation>{n} 个输出中有 {k} 个在 float64 下恰好是 0 或 1：直接按 −log(σ) 计算的代价会在这里显示 inf；InitScope 从 logits 计算代价。</translation>
    </message>
</context><context>
    <name>MiniMap</name>
    <message>
        <location filename="../../app/views/compare/mini_map.py" line="145" />
        <source>no boundary:&lt;br&gt;P = {p}&lt;br&gt;everywhere</source>
        <translation>没有决策边界：&lt;br&gt;处处 P = {p}</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/mini_map.py" line="148" />
        <source>no boundary&lt;br&gt;in view</source>
        <translation>视野内&lt;br&gt;没有决策边界</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/mini_map.py" line="175" />
        <source>Decision map: {name}</source>
        <translation>决策图：{name}</translation>
    </message>
</context><context>
    <name>NetworkDiagram</name>
    <message>
        <location filename="../../app/views/neuron_tooltip.py" line="31" />
        <source>input x{n}</source>
        <translation>输入 x{n}</translation>
    </message>
    <message>
        <location filename="../../app/views/neuron_tooltip.py" line="33" />
        <source>output: P(class 1)</source>
        <translation>输出：P(类别 1)</translation>
    </message>
    <message>
        <location filename="../../app/views/neuron_tooltip.py" line="34" />
        <source>layer {layer}, unit {unit}</source>
        <translation>第 {layer} 层，第 {unit} 个单元</translation>
    </message>
    <message>
        <location filename="../../app/views/neuron_tooltip.py" line="43" />
        <source>incoming weights: {weights}</source>
        <translation>输入权重：{weights}</translation>
    </message>
    <message>
        <location filename="../../app/views/neuron_tooltip.py" line="46" />
        <source>… and {n} more (|w| mean {mean})</source>
        <translation>…… 另有 {n} 个（|w| 平均 {mean}）</translation>
    </message>
    <message>
        <location filename="../../app/views/neuron_tooltip.py" line="50" />
        <source>bias: {b}</source>
        <translation>偏置：{b}</translation>
    </message>
    <message>
        <location filename="../../app/views/neuron_tooltip.py" line="53" />
        <source>activation on the training data: mean {mean}, std {std}</source>
        <translation>在训练数据上的激活值：均值 {mean}，标准差 {std}</translation>
    </message>
    <message>
        <location filename="../../app/views/neuron_tooltip.py" line="64" />
        <source>identical to {n} other units of this layer: the same neuron</source>
        <translation>与本层另外 {n} 个单元完全相同：其实是同一个神经元</translation>
    </message>
    <message>
        <location filename="../../app/views/neuron_tooltip.py" line="72" />
        <source>weight {w}
from {source} to {target}</source>
        <translation>权重 {w}
从 {source} 到 {target}</translation>
    </message>
    <message>
        <location filename="../../app/views/network_diagram.py" line="123" />
        <source>Network diagram: what every neuron computes</source>
        <translation>网络图：每个神经元计算的内容</translation>
    </message>
    <message>
        <location filename="../../app/views/network_diagram.py" line="128" />
        <source>The network appears with the first frame.</source>
        <translation>网络将在第一帧出现。</translation>
    </message>
    <message>
        <location filename="../../app/views/network_diagram.py" line="157" />
        <location filename="../../app/views/network_diagram.py" line="146" />
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../app/views/network_diagram.py" line="159" />
        <location filename="../../app/views/network_diagram.py" line="147" />
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../app/views/network_diagram.py" line="149" />
        <source>link width ∝ |weight| (full at {full}) · blue +, orange − · rim: bias</source>
        <translation>连线宽度 ∝ |权重|（{full} 时最粗）· 蓝色为正，橙色为负 · 外圈：偏置</translation>
    </message>
    <message>
        <location filename="../../app/views/network_diagram.py" line="160" />
        <source>layer {n}</source>
        <translation>第 {n} 层</translation>
    </message>
    <message>
        <location filename="../../app/views/network_diagram.py" line="170" />
        <source>×{n} identical</source>
        <translation>×{n} 完全相同</translation>
    </message>
    <message>
        <location filename="../../app/views/network_diagram.py" line="173" />
        <source>{d} of {n} distinct</source>
        <translation>{n} 个中有 {d} 个不同</translation>
    </message>
    <message>
        <location filename="../../app/views/network_diagram.py" line="180" />
        <source>{n} {word}</source>
        <translation>{n} 个{word}</translation>
    </message>
    <message>
        <location filename="../../app/views/network_diagram.py" line="186" />
        <source>+{n} more</source>
        <translation>另有 {n} 个</translation>
    </message>
    <message>
        <location filename="../../app/views/network_diagram.py" line="196" />
        <source>Showing the first {n} units of each layer.</source>
        <translation>每层只显示前 {n} 个单元。</translation>
    </message>
    <message>
        <location filename="../../app/views/network_diagram.py" line="202" />
        <source>Maps {r}×{r} so training stays fast.</source>
        <translation>神经元图为 {r}×{r}，以保证训练速度。</translation>
    </message>
</context><context>
    <name>SpinBox</name>
    <message>
        <location filename="../../app/views/spin_boxes.py" line="77" />
        <source>“{text}” has more decimals than this box shows ({decimals})</source>
        <translation>“{text}”的小数位多于此框显示的位数（{decimals} 位）</translation>
    </message>
    <message>
        <location filename="../../app/views/spin_boxes.py" line="80" />
        <source>“{text}” is not a number from {low} to {high}</source>
        <translation>“{text}”不是 {low} 到 {high} 之间的数</translation>
    </message>
</context><context>
    <name>SpreadPlot</name>
    <message>
        <location filename="../../app/views/compare/spread_plot.py" line="88" />
        <location filename="../../app/views/compare/spread_plot.py" line="74" />
        <source>weight spread per layer</source>
        <translation>各层权重的离散程度</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/spread_plot.py" line="75" />
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/spread_plot.py" line="76" />
        <source>weight std</source>
        <translation>权重标准差</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/spread_plot.py" line="78" />
        <source>He target √(2/fan_in)</source>
        <translation>He 目标值 √(2/fan_in)</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/spread_plot.py" line="84" />
        <source>Spread of each layer's weights</source>
        <translation>各层权重的离散程度</translation>
    </message>
    <message>
        <location filename="../../app/views/compare/spread_plot.py" line="182" />
        <source>W{n}</source>
        <translation>W{n}</translation>
    </message>
</context><context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../app/views/status_strip.py" line="191" />
        <source>Iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="192" />
        <source>Cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="193" />
        <source>Train accuracy</source>
        <translation>训练集准确率</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="194" />
        <source>Test accuracy</source>
        <translation>测试集准确率</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="195" />
        <source>Run state</source>
        <translation>运行状态</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="196" />
        <source>Saturation</source>
        <translation>饱和</translation>
    </message>
</context><context>
    <name>TimelineActions</name>
    <message>
        <location filename="../../app/timeline_actions.py" line="28" />
        <source>Timeline: back one iteration</source>
        <translation>时间轴：后退一次迭代</translation>
    </message>
    <message>
        <location filename="../../app/timeline_actions.py" line="29" />
        <source>Timeline: forward one iteration</source>
        <translation>时间轴：前进一次迭代</translation>
    </message>
    <message>
        <location filename="../../app/timeline_actions.py" line="32" />
        <source>Timeline: back {n} iterations</source>
        <translation>时间轴：后退 {n} 次迭代</translation>
    </message>
    <message>
        <location filename="../../app/timeline_actions.py" line="35" />
        <source>Timeline: forward {n} iterations</source>
        <translation>时间轴：前进 {n} 次迭代</translation>
    </message>
    <message>
        <location filename="../../app/timeline_actions.py" line="38" />
        <source>Timeline: iteration 0</source>
        <translation>时间轴：第 0 次迭代</translation>
    </message>
    <message>
        <location filename="../../app/timeline_actions.py" line="39" />
        <source>Timeline: back to live</source>
        <translation>时间轴：回到实时</translation>
    </message>
</context><context>
    <name>TimelineBar</name>
    <message>
        <location filename="../../app/views/timeline.py" line="121" />
        <source>{k:,} of {n:,}</source>
        <translation>{k:,} / {n:,}</translation>
    </message>
    <message>
        <location filename="../../app/views/timeline.py" line="122" />
        <source>Iteration {k:,} on show; {n:,} trained</source>
        <translation>正在显示第 {k:,} 次迭代；已训练 {n:,} 次</translation>
    </message>
    <message>
        <location filename="../../app/views/timeline.py" line="126" />
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../app/views/timeline.py" line="127" />
        <source>The views follow the newest iteration trained</source>
        <translation>各视图跟随最新训练的迭代</translation>
    </message>
    <message>
        <location filename="../../app/views/timeline.py" line="149" />
        <source>Drag back to see any iteration already trained, exactly as it was; training pauses.&lt;br&gt;Keys: , and . one iteration, Shift+, and Shift+. {n} iterations.&lt;br&gt;At the right end the views follow the run again.</source>
        <translation>向回拖动可精确查看任何已训练过的迭代；训练会暂停。&lt;br&gt;按键：, 和 . 移动一次迭代，Shift+, 和 Shift+. 移动 {n} 次迭代。&lt;br&gt;拖到最右端，各视图重新跟随训练。</translation>
    </message>
    <message>
        <location filename="../../app/views/timeline.py" line="156" />
        <source>Timeline: iteration on show</source>
        <translation>时间轴：正在显示的迭代</translation>
    </message>
    <message>
        <location filename="../../app/views/timeline.py" line="158" />
        <source>&amp;Live</source>
        <translation>实时(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/views/timeline.py" line="159" />
        <source>Back to the newest iteration: the views follow the run.</source>
        <translation>回到最新的迭代：各视图跟随训练。</translation>
    </message>
    <message>
        <location filename="../../app/views/timeline.py" line="163" />
        <source>Timeline: back to live</source>
        <translation>时间轴：回到实时</translation>
    </message>
    <message>
        <location filename="../../app/views/timeline.py" line="166" />
        <source>&amp;Branch here</source>
        <translation>从此处分支(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/views/timeline.py" line="167" />
        <source>Train on from the iteration on show: the later iterations are dropped (their cost curve stays, faint, for comparison).</source>
        <translation>从正在显示的迭代继续训练：之后的迭代被丢弃（它们的代价曲线以淡色保留，便于比较）。</translation>
    </message>
    <message>
        <location filename="../../app/views/timeline.py" line="174" />
        <source>Timeline: branch from the iteration on show</source>
        <translation>时间轴：从正在显示的迭代分支</translation>
    </message>
</context><context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../../app/views/status_strip.py" line="26" />
        <source>{n}×/s</source>
        <translation>每秒 {n} 次</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="27" />
        <source>every {n} s</source>
        <translation>每 {n} 秒一次</translation>
    </message>
    <message>
        <location filename="../../app/views/status_strip.py" line="32" />
        <source>large network: boundary {n}×{n} {grid}, numbers {numbers}, so training stays fast and the window responsive</source>
        <translation>网络较大：决策边界 {n}×{n}，{grid}；数字 {numbers}，以保证训练速度和窗口响应</translation>
    </message>
</context><context>
    <name>WeightHistograms</name>
    <message>
        <location filename="../../app/views/weight_histograms.py" line="242" />
        <source>Weight histograms, one per layer</source>
        <translation>权重直方图（每层一个）</translation>
    </message>
</context><context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../app/window_menus.py" line="86" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="90" />
        <source>&amp;Open experiment…</source>
        <translation>打开实验(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="97" />
        <source>&amp;Save experiment…</source>
        <translation>保存实验(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="105" />
        <source>&amp;Export history as CSV…</source>
        <translation>导出训练记录为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="112" />
        <source>Export &amp;animation…</source>
        <translation>导出动画(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="114" />
        <source>The run as a GIF or WebP: cost curve, boundary, network and weights from iteration 0 to the newest</source>
        <translation>将本次训练导出为 GIF 或 WebP：从第 0 次迭代到最新一次的代价曲线、决策边界、网络和权重</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="121" />
        <source>Save &amp;picture</source>
        <translation>保存图片(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="126" />
        <source>Whole window…</source>
        <translation>整个窗口…</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="132" />
        <source>Cost curve…</source>
        <translation>代价曲线…</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="138" />
        <source>Decision boundary…</source>
        <translation>决策边界…</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="144" />
        <source>Network diagram…</source>
        <translation>网络图…</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="150" />
        <source>Weight histograms…</source>
        <translation>权重直方图…</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="156" />
        <source>Gradient norms…</source>
        <translation>梯度范数…</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="162" />
        <source>Activations…</source>
        <translation>激活值…</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="168" />
        <source>Comparison…</source>
        <translation>对比视图…</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="180" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="188" />
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="192" />
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="196" />
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="198" />
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="200" />
        <source>New seed</source>
        <translation>新种子</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="205" />
        <source>Flat out</source>
        <translation>全速</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="208" />
        <source>Train as fast as the machine can (the tab in view); off: a pace to talk over</source>
        <translation>以本机最快的速度训练（当前标签页）；关闭时：便于讲解的速度</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="220" />
        <source>Initializer: {name}</source>
        <translation>初始化：{name}</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="229" />
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="241" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="245" />
        <source>&amp;Projector mode</source>
        <translation>投影模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="250" />
        <source>Big fonts, thick lines, high contrast: readable from the back row</source>
        <translation>大字体、粗线条、高对比度：后排也看得清</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="257" />
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="266" />
        <source>Leave full screen</source>
        <translation>退出全屏</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="273" />
        <source>Show &amp;controls panel</source>
        <translation>显示控制面板(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="282" />
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="291" />
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="299" />
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="307" />
        <source>Log-scale cost</source>
        <translation>代价用对数坐标</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="314" />
        <source>Clear earlier runs</source>
        <translation>清除之前的运行</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="320" />
        <source>Reset &amp;layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="327" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="345" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="349" />
        <source>The &amp;lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="358" />
        <source>&amp;About InitScope</source>
        <translation>关于 InitScope(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="364" />
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="440" />
        <source>Presentation</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="441" />
        <source>Presentation toolbar</source>
        <translation>演示工具栏</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="443" />
        <source>Controls</source>
        <translation>控制面板</translation>
    </message>
    <message>
        <location filename="../../app/window_menus.py" line="444" />
        <source>Play/Pause</source>
        <translation>播放/暂停</translation>
    </message>
</context><context>
    <name>engine</name>
    <message>
        <location filename="../../app/engine_strings.py" line="20" />
        <source>Circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="21" />
        <source>Deep ReLU, He: healthy</source>
        <translation>深层 ReLU，He：健康</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="22" />
        <source>Deep tanh, Xavier: healthy</source>
        <translation>深层 tanh，Xavier：健康</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="23" />
        <source>Deep tanh, small weights: vanishing</source>
        <translation>深层 tanh，小权重：梯度消失</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="24" />
        <source>Deep tanh, weights ×5: exploding</source>
        <translation>深层 tanh，权重 ×5：梯度爆炸</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="25" />
        <source>Every weight starts at 0. All neurons of a layer then compute the same thing and receive the same gradient, so they stay identical forever: the network is no better than a single neuron. The cost sits at ln 2 = 0.693 and accuracy at 50%.</source>
        <translation>所有权重都从 0 开始。于是同一层的神经元计算出相同的结果、得到相同的梯度，永远一模一样：整个网络并不比单个神经元强。代价停在 ln 2 = 0.693，准确率停在 50%。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="26" />
        <source>Gaussian blobs</source>
        <translation>高斯团簇</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="27" />
        <source>Glorot and Bengio (2010) balance two wishes: keep the variance of the signal going forward (which wants 1/n_in) and of the gradient going back (which wants 1/n_out), and settle on their average. It suits tanh and sigmoid, which are close to linear around 0; with ReLU, which zeroes half of each layer, signals shrink with depth.</source>
        <translation>Glorot 和 Bengio（2010）兼顾两个目标：保持前向信号的方差（需要 1/n_in）和反向梯度的方差（需要 1/n_out），最终取两者的平均。它适合在 0 附近接近线性的 tanh 和 sigmoid；而 ReLU 会把每层一半的输出置零，信号会随深度逐渐减弱。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="28" />
        <source>Glorot uniform</source>
        <translation>Glorot 均匀</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="29" />
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="30" />
        <source>He et al. (2015) scale each layer so a ReLU layer keeps the variance of its input: signals neither vanish nor explode with depth. Training is fast from the first step.</source>
        <translation>He 等人（2015）按层缩放权重，使 ReLU 层保持其输入的方差：信号既不会随深度消失，也不会爆炸。从第一步起训练就很快。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="31" />
        <source>LeCun</source>
        <translation>LeCun</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="32" />
        <source>LeCun (1998) scales by fan-in only, so each unit's input has the same variance as one of its inputs. This is the formula the deeplearning.ai course calls "Xavier". It keeps tanh and SELU networks stable; for ReLU it is half He's variance, so signals fade in deep ReLU stacks.</source>
        <translation>LeCun（1998）只按扇入（fan-in）缩放，使每个单元的输入方差与它的单个输入相同。deeplearning.ai 课程中称为“Xavier”的正是这个公式。它让 tanh 和 SELU 网络保持稳定；对 ReLU 来说，它的方差只有 He 的一半，因此信号在深层 ReLU 网络中逐渐衰减。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="33" />
        <source>LeCun's fan-in scaling times a multiplier k that you choose. At k = 1 a tanh network keeps its signal through any depth; each layer multiplies it by about k, so k &lt; 1 makes gradients vanish and k &gt; 1 (×3, say) makes them grow layer after layer towards the input until training becomes erratic.</source>
        <translation>LeCun 的扇入缩放再乘以一个由你选择的倍数 k。k = 1 时，tanh 网络在任意深度都能保持信号；每一层大约把信号乘以 k，因此 k &lt; 1 会让梯度消失，而 k &gt; 1（比如 ×3）会让梯度朝输入方向逐层增大，直到训练变得不稳定。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="34" />
        <source>Moons</source>
        <translation>双月形</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="35" />
        <source>Random weights break the symmetry, but ×10 makes them far too large: the output sigmoid saturates at exactly 0 or 1, the naive log loss overflows to inf, and gradient descent needs many thousands of steps to recover.</source>
        <translation>随机权重打破了对称性，但 ×10 让权重大得过头：输出层的 sigmoid 饱和到恰好 0 或 1，朴素的对数损失溢出为 inf，梯度下降要走上成千上万步才能恢复。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="36" />
        <source>Random ×10</source>
        <translation>随机 ×10</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="37" />
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="38" />
        <source>Scaled</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="39" />
        <source>Small ×0.01</source>
        <translation>小权重 ×0.01</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="40" />
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="41" />
        <source>Ten ReLU layers of 50 with He's scale, √(2/n_in), which makes up for ReLU zeroing half of each layer's outputs: |δ| stays within 2× across the layers and the cost falls steadily, to 0.01 by step 2000. Watch the dead units: with zero biases, up to 18 of a deep layer's 50 units output 0 for every point, even at this good start.</source>
        <translation>十个各 50 个单元的 ReLU 隐藏层，使用 He 的尺度 √(2/n_in)，以弥补 ReLU 把每层一半输出置零的影响：各层的 |δ| 相差不超过 2 倍，代价稳步下降，在第 2000 步降到 0.01。留意死亡单元：由于偏置为零，即使起点这么好，深层的 50 个单元中也有多达 18 个对所有点都输出 0。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="42" />
        <source>Ten tanh layers of 50 starting at randn × 0.01. Each layer shrinks the signal about 14-fold on the way in and the error on the way back: |δ| reaching layer 1 is 1e-13, over 11 orders of magnitude below the output's, and every |dW| is 1e-14. The cost stays at 0.6931 and the accuracy at 50%: nothing learns.</source>
        <translation>十个各 50 个单元的 tanh 隐藏层，权重从 randn × 0.01 开始。每一层在前向时把信号缩小约 14 倍，在反向时把误差也缩小约 14 倍：到达第 1 层的 |δ| 只有 1e-13，比输出层低 11 个数量级以上，每个 |dW| 都是 1e-14。代价停在 0.6931，准确率停在 50%：什么也学不到。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="43" />
        <source>Ten tanh layers of 50 with five times LeCun's scale. The error signal grows on its way back (|δ| of layer 1 is 200× the output's at step 0, Xavier's is 1.2×), and about half of the hidden outputs sit beyond ±0.99. It still fits the training set, but the boundary is wild: 71% on the test set against Xavier's 96%.</source>
        <translation>十个各 50 个单元的 tanh 隐藏层，尺度是 LeCun 的五倍。误差信号在反向传播时不断增大（第 0 步时第 1 层的 |δ| 是输出层的 200 倍，Xavier 只有 1.2 倍），约一半的隐藏层输出落在 ±0.99 之外。它仍能拟合训练集，但决策边界十分杂乱：测试集准确率 71%，而 Xavier 为 96%。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="44" />
        <source>The naive log loss prints inf because in float64 sigmoid(z) rounds to exactly 1.0 once z &gt; 37 (and to 0.0 once z &lt; -709), so a point whose label disagrees costs -log(0) = inf; the cost shown here is computed from the logits, log(1 + e^-z), and stays finite.</source>
        <translation>朴素的对数损失会输出 inf，因为在 float64 中，z &gt; 37 时 sigmoid(z) 会舍入为恰好 1.0（z &lt; -709 时舍入为 0.0），于是标签与之不符的点代价为 -log(0) = inf；这里显示的代价由 logits 计算，即 log(1 + e^-z)，始终是有限值。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="45" />
        <source>The same ten tanh layers with Xavier's scale, √(2/(n_in+n_out)). At step 0 every layer's |δ| is within 1.4× of the others and no output saturates; after a plateau the cost falls to 0.06 by step 3000 (99% train, 96% test).</source>
        <translation>同样的十个 tanh 隐藏层，使用 Xavier 的尺度 √(2/(n_in+n_out))。第 0 步时各层的 |δ| 彼此相差不超过 1.4 倍，没有输出饱和；经过一段平台期后，代价在第 3000 步降到 0.06（训练集 99%，测试集 96%）。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="46" />
        <source>The same variance as Xavier, 2 / (n_in + n_out), drawn from a uniform distribution instead of a Gaussian (a uniform on ±a has variance a²/3). It is the default of several libraries; like Xavier it keeps tanh networks healthy and starves deep ReLU networks of signal.</source>
        <translation>方差与 Xavier 相同，为 2 / (n_in + n_out)，但从均匀分布而不是高斯分布中抽取（±a 上的均匀分布方差为 a²/3）。它是好几个库的默认设置；和 Xavier 一样，它让 tanh 网络保持健康，却让深层 ReLU 网络得不到足够的信号。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="47" />
        <source>The tutorial's first run. Watch the symmetry: every layer has 1 distinct neuron out of 10 and 5 from the first step to the last, the cost stays at 0.693 and the accuracy at 50%.</source>
        <translation>教程的第一次运行。注意对称性：从第一步到最后一步，10 个和 5 个神经元的两层里都只有 1 个不同的神经元，代价停在 0.693，准确率停在 50%。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="48" />
        <source>The tutorial's second run. At iteration 0 all 300 outputs are saturated (exactly 0 or 1), so the naive loss prints inf; the true cost is 1773.59. Watch it fall slowly to about 0.38, with 83% train accuracy.</source>
        <translation>教程的第二次运行。第 0 次迭代时，全部 300 个输出都已饱和（恰好为 0 或 1），所以朴素损失打印出 inf；真实代价是 1773.59。观察它缓慢下降到约 0.38，训练集准确率 83%。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="49" />
        <source>The tutorial's third run: He initialization for ReLU. The cost falls smoothly from 0.88 to 0.07 and the boundary wraps the inner circle (99% train, 96% test).</source>
        <translation>教程的第三次运行：为 ReLU 使用 He 初始化。代价从 0.88 平稳下降到 0.07，决策边界包住内圈（训练集 99%，测试集 96%）。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="50" />
        <source>Tiny random weights break the symmetry and keep every unit in its linear range, which is fine for one or two layers. In a deep network each layer multiplies the signal and the gradient by roughly 0.01·√n, so both vanish and the first layers never learn.</source>
        <translation>很小的随机权重能打破对称性，并让每个单元都处在线性区间内，对一两层的网络没有问题。但在深层网络中，每一层都会把信号和梯度乘以大约 0.01·√n，于是两者都会消失，前面几层永远学不到东西。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="51" />
        <source>Tutorial: He</source>
        <translation>教程：He</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="52" />
        <source>Tutorial: random ×10</source>
        <translation>教程：随机 ×10</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="53" />
        <source>Tutorial: zeros</source>
        <translation>教程：全零</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="54" />
        <source>Two Gaussian clouds, separable by a straight line unless the noise is large.</source>
        <translation>两团高斯分布的点云：除非噪声很大，一条直线就能把它们分开。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="55" />
        <source>Two interleaved half circles: one bend separates them.</source>
        <translation>两个交错的半圆：一条弯曲的边界就能把它们分开。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="56" />
        <source>Two noisy concentric circles, the tutorial's data: the inner ring is class 1.</source>
        <translation>两个带噪声的同心圆，即教程所用的数据：内圈为类别 1。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="57" />
        <source>Two spiral arms wound around each other: the hardest built-in set.</source>
        <translation>两条相互缠绕的螺旋臂：内置数据集中最难的一个。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="58" />
        <source>Uniform points in a square; class 1 in the quadrants where x1 and x2 share a sign. No single line separates them.</source>
        <translation>正方形内均匀分布的点；x1 与 x2 同号的象限为类别 1。任何一条直线都无法把两类分开。</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="59" />
        <source>W = 0</source>
        <translation>W = 0</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="60" />
        <source>W = randn(n_out, n_in) × 0.01</source>
        <translation>W = randn(n_out, n_in) × 0.01</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="61" />
        <source>W = randn(n_out, n_in) × 10</source>
        <translation>W = randn(n_out, n_in) × 10</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="62" />
        <source>W = randn(n_out, n_in) × k · √(1 / n_in)</source>
        <translation>W = randn(n_out, n_in) × k · √(1 / n_in)</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="63" />
        <source>W = randn(n_out, n_in) × √(1 / n_in)</source>
        <translation>W = randn(n_out, n_in) × √(1 / n_in)</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="64" />
        <source>W = randn(n_out, n_in) × √(2 / (n_in + n_out))</source>
        <translation>W = randn(n_out, n_in) × √(2 / (n_in + n_out))</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="65" />
        <source>W = randn(n_out, n_in) × √(2 / n_in)</source>
        <translation>W = randn(n_out, n_in) × √(2 / n_in)</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="66" />
        <source>W ~ U(−√(6 / (n_in + n_out)), +√(6 / (n_in + n_out)))</source>
        <translation>W ~ U(−√(6 / (n_in + n_out)), +√(6 / (n_in + n_out)))</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="67" />
        <source>XOR</source>
        <translation>XOR（异或）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="68" />
        <source>Xavier (Glorot normal)</source>
        <translation>Xavier（Glorot 正态）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="69" />
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="70" />
        <source>a CSV data set needs a file name after 'csv:'</source>
        <translation>CSV 数据集需要在 'csv:' 后面写上文件名</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="71" />
        <source>between 1 and {max} hidden layers are allowed (got {count})</source>
        <translation>隐藏层数必须在 1 到 {max} 之间（当前为 {count}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="72" />
        <source>dead</source>
        <translation>死亡</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="73" />
        <source>each hidden layer needs 1 to {max} units (got {value})</source>
        <translation>每个隐藏层需要 1 到 {max} 个单元（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="74" />
        <source>hidden layer sizes must be whole numbers, like 10,5 (got {text})</source>
        <translation>隐藏层大小必须是整数，例如 10,5（当前为 {text}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="75" />
        <source>hidden layers must be sizes separated by commas, like 10,5 (got {text})</source>
        <translation>隐藏层必须写成用逗号分隔的大小，例如 10,5（当前为 {text}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="76" />
        <source>inactive</source>
        <translation>不活跃</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="77" />
        <source>leaky ReLU</source>
        <translation>leaky ReLU</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="78" />
        <source>negative for every training point: only the 0.01 slope carries gradient</source>
        <translation>对每个训练点都为负：只有 0.01 的斜率传递梯度</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="79" />
        <source>output 0 for every training point: no gradient reaches its weights</source>
        <translation>对每个训练点都输出 0：没有梯度能到达它的权重</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="80" />
        <source>output below 0.01 or above 0.99 for every training point: its gradient is below 4% of the peak</source>
        <translation>对每个训练点输出都低于 0.01 或高于 0.99：其梯度低于峰值的 4%</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="81" />
        <source>row {row}: column {col} ({column}) is empty</source>
        <translation>第 {row} 行：第 {col} 列（{column}）为空</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="82" />
        <source>row {row}: column {col} ({column}) is {text}, which is not a number</source>
        <translation>第 {row} 行：第 {col} 列（{column}）是 {text}，不是数字</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="83" />
        <source>row {row}: column {col} ({column}) is {text}; only finite numbers are allowed</source>
        <translation>第 {row} 行：第 {col} 列（{column}）是 {text}；只允许有限的数字</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="84" />
        <source>row {row}: expected 3 values (x1, x2, label), found {count}</source>
        <translation>第 {row} 行：应有 3 个值（x1, x2, label），实际有 {count} 个</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="85" />
        <source>row {row}: expected 3 values (x1, x2, label), found {count} (a missing column?)</source>
        <translation>第 {row} 行：应有 3 个值（x1, x2, label），实际只有 {count} 个（是否缺了一列？）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="86" />
        <source>row {row}: more than {max} points; use a smaller sample</source>
        <translation>第 {row} 行：点数超过 {max} 个；请使用更小的样本</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="87" />
        <source>row {row}: the label is {label}; labels must be 0 or 1</source>
        <translation>第 {row} 行：标签是 {label}；标签必须是 0 或 1</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="88" />
        <source>rows {first}–{last}: every point has label {label}; both classes, 0 and 1, are needed</source>
        <translation>第 {first}–{last} 行：所有点的标签都是 {label}；需要 0 和 1 两个类别</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="89" />
        <source>rows {first}–{last}: only {count} point; at least {min} are needed</source>
        <translation>第 {first}–{last} 行：只有 {count} 个点；至少需要 {min} 个</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="90" />
        <source>rows {first}–{last}: only {count} points; at least {min} are needed</source>
        <translation>第 {first}–{last} 行：只有 {count} 个点；至少需要 {min} 个</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="91" />
        <source>saturated</source>
        <translation>饱和</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="92" />
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="93" />
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="94" />
        <source>the file: only 0 points; at least {min} are needed</source>
        <translation>文件中没有任何点；至少需要 {min} 个</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="95" />
        <source>the learning rate must be a number (got {value})</source>
        <translation>学习率必须是数字（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="96" />
        <source>the learning rate must be above 0 and at most {max} (got {value})</source>
        <translation>学习率必须大于 0 且不超过 {max}（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="97" />
        <source>the noise must be a number (got {value})</source>
        <translation>噪声必须是数字（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="98" />
        <source>the noise must be from 0 to {high} (got {value})</source>
        <translation>噪声必须在 0 到 {high} 之间（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="99" />
        <source>the number of samples must be a whole number (got {value})</source>
        <translation>样本数必须是整数（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="100" />
        <source>the number of samples must be from {low} to {high} (got {value})</source>
        <translation>样本数必须在 {low} 到 {high} 之间（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="101" />
        <source>the scale must be a number (got {value})</source>
        <translation>缩放倍数必须是数字（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="102" />
        <source>the scale must be above 0 and at most {max} (got {value})</source>
        <translation>缩放倍数必须大于 0 且不超过 {max}（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="103" />
        <source>the seed must be a whole number (got {value})</source>
        <translation>种子必须是整数（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="104" />
        <source>the seed must be between 0 and {max} (got {value})</source>
        <translation>种子必须在 0 到 {max} 之间（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="105" />
        <source>unknown activation {name}; choose from {choices}</source>
        <translation>未知的激活函数 {name}；可选：{choices}</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="106" />
        <source>unknown dataset {name}; choose from {choices} or csv:&lt;path&gt;</source>
        <translation>未知的数据集 {name}；可选：{choices} 或 csv:&lt;路径&gt;</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="107" />
        <source>unknown dataset {name}; known: {choices}</source>
        <translation>未知的数据集 {name}；已有：{choices}</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="108" />
        <source>unknown initializer {name}; choose from {choices}</source>
        <translation>未知的初始化方法 {name}；可选：{choices}</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="109" />
        <source>unknown initializer {name}; known: {choices}</source>
        <translation>未知的初始化方法 {name}；已有：{choices}</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="110" />
        <source>unknown preset {name}; known: {choices}</source>
        <translation>未知的预设 {name}；已有：{choices}</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="111" />
        <source>{file}: "config" must be an object holding the run's settings (got {value})</source>
        <translation>{file}："config" 必须是包含运行设置的对象（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="112" />
        <source>{file}: "version" must be a whole number of at least 1 (got {value})</source>
        <translation>{file}："version" 必须是不小于 1 的整数（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="113" />
        <source>{file}: cannot be read ({reason})</source>
        <translation>{file}：无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="114" />
        <source>{file}: cannot be written ({reason})</source>
        <translation>{file}：无法写入（{reason}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="115" />
        <source>{file}: is a folder, not a file</source>
        <translation>{file}：这是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="116" />
        <source>{file}: is a folder, not an experiment file</source>
        <translation>{file}：这是文件夹，不是实验文件</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="117" />
        <source>{file}: no such file</source>
        <translation>{file}：文件不存在</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="118" />
        <source>{file}: not a text file (it is not UTF-8)</source>
        <translation>{file}：不是文本文件（不是 UTF-8 编码）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="119" />
        <source>{file}: not an InitScope experiment file ("format" is {value}, not "{format}")</source>
        <translation>{file}：不是 InitScope 实验文件（"format" 是 {value}，而不是 "{format}"）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="120" />
        <source>{file}: not an InitScope experiment file (it has no "format": "{format}")</source>
        <translation>{file}：不是 InitScope 实验文件（缺少 "format": "{format}"）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="121" />
        <source>{file}: not an experiment file (it holds {value}, not a JSON object)</source>
        <translation>{file}：不是实验文件（内容是 {value}，而不是 JSON 对象）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="122" />
        <source>{file}: not an experiment file (nested too deeply)</source>
        <translation>{file}：不是实验文件（嵌套层次过深）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="123" />
        <source>{file}: not valid JSON at line {line}, column {column}: {reason}</source>
        <translation>{file}：第 {line} 行第 {column} 列处不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="124" />
        <source>{file}: setting {key} must be a finite number (got {value})</source>
        <translation>{file}：设置项 {key} 必须是有限的数字（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="125" />
        <source>{file}: setting {key} must be a list of whole numbers, like [10, 5] (got {value})</source>
        <translation>{file}：设置项 {key} 必须是整数列表，例如 [10, 5]（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="126" />
        <source>{file}: setting {key} must be a number (got {value})</source>
        <translation>{file}：设置项 {key} 必须是数字（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="127" />
        <source>{file}: setting {key} must be a number or null (got {value})</source>
        <translation>{file}：设置项 {key} 必须是数字或 null（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="128" />
        <source>{file}: setting {key} must be a whole number (got {value})</source>
        <translation>{file}：设置项 {key} 必须是整数（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="129" />
        <source>{file}: setting {key} must be text (got {value})</source>
        <translation>{file}：设置项 {key} 必须是文本（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="130" />
        <source>{file}: setting {key}: {problem}</source>
        <translation>{file}：设置项 {key}：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="131" />
        <source>{file}: the key {key} appears twice</source>
        <translation>{file}：键 {key} 出现了两次</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="132" />
        <source>{file}: the key {key} is missing</source>
        <translation>{file}：缺少键 {key}</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="133" />
        <source>{file}: the setting {key} is missing from "config"</source>
        <translation>{file}："config" 中缺少设置项 {key}</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="134" />
        <source>{file}: unknown key {key}; an experiment file has the keys {allowed}</source>
        <translation>{file}：未知的键 {key}；实验文件的键为 {allowed}</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="135" />
        <source>{file}: unknown setting {key} in "config"; the settings are {allowed}</source>
        <translation>{file}："config" 中有未知的设置项 {key}；可用的设置项为 {allowed}</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="136" />
        <source>{file}: written by a newer InitScope (format version {version}); this one reads version {supported} — please update InitScope</source>
        <translation>{file}：由较新版本的 InitScope 保存（格式版本 {version}）；当前版本只能读取版本 {supported}，请更新 InitScope</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="137" />
        <source>{file}: {key} must be a whole number from 0 to {max}, or null (got {value})</source>
        <translation>{file}：{key} 必须是 0 到 {max} 之间的整数，或 null（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="138" />
        <source>{file}: {key} must be a whole number of at least 0, or null (got {value})</source>
        <translation>{file}：{key} 必须是不小于 0 的整数，或 null（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="139" />
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="140" />
        <source>{file}: {size} bytes is far too large for an experiment file; is it the right file?</source>
        <translation>{file}：大小为 {size} 字节，远超实验文件应有的大小；是否选错了文件？</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="141" />
        <source>{file}: {word} is not allowed in an experiment file; write a number</source>
        <translation>{file}：实验文件中不允许使用 {word}；请写成数字</translation>
    </message>
    <message>
        <location filename="../../app/engine_strings.py" line="142" />
        <source>|output| &gt; 0.99 for every training point: its gradient is below 2% of the peak</source>
        <translation>对每个训练点 |输出| &gt; 0.99：其梯度低于峰值的 2%</translation>
    </message>
</context></TS>
