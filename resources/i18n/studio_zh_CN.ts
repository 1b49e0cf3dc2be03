<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BatchView</name>
    <message>
        <source>Reviews (*.txt *.csv *.tsv);;Text files, one review per line (*.txt);;CSV or TSV with a header (*.csv *.tsv)</source>
        <translation>评论 (*.txt *.csv *.tsv);;文本文件，每行一条评论 (*.txt);;带表头的 CSV 或 TSV (*.csv *.tsv)</translation>
    </message>
    <message>
        <source>negative</source>
        <extracomment>The predicted and true labels, as the table shows them.</extracomment>
        <translation>负面</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>P(positive)</source>
        <translation>P(正面)</translation>
    </message>
    <message>
        <source>True label</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <source>Classify a &amp;file…</source>
        <extracomment>The worker ended: &quot;done&quot;, &quot;cancelled&quot; or &quot;failed&quot;. A message for the window&apos;s error dialog: title, message.</extracomment>
        <translation>分类文件(&amp;F)…</translation>
    </message>
    <message>
        <source>A .txt file (one review per line) or a .csv/.tsv with a header row</source>
        <translation>.txt 文件（每行一条评论），或带表头的 .csv/.tsv 文件</translation>
    </message>
    <message>
        <source>Classify a file</source>
        <translation>分类文件</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <source>Stop classifying the file</source>
        <translation>停止分类该文件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <source>Write the results to a CSV file</source>
        <translation>将结果写入 CSV 文件</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>批量进度</translation>
    </message>
    <message>
        <source>Batch results</source>
        <translation>批量结果</translation>
    </message>
    <message>
        <source>Train or open a model, then classify a file of reviews.</source>
        <translation>先训练或打开一个模型，再对一个评论文件进行分类。</translation>
    </message>
    <message>
        <source>The file could not be classified.</source>
        <translation>无法对该文件进行分类。</translation>
    </message>
    <message>
        <source>Cancelled; the previous results (if any) are kept.</source>
        <translation>已取消；之前的结果（如有）已保留。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Classify reviews in a file</source>
        <translation>对文件中的评论分类</translation>
    </message>
    <message>
        <source>Cannot read the file</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Classifying the reviews in {name}…</source>
        <translation>正在对 {name} 中的评论分类…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>正在分类…</translation>
    </message>
    <message>
        <source>Classified {done:,} of {total:,}</source>
        <translation>已分类 {done:,} / {total:,}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count:,}&lt;/b&gt; review(s) from {name}: {positive:,} positive, {negative:,} negative.</source>
        <translation>来自 {name} 的 &lt;b&gt;{count:,}&lt;/b&gt; 条评论：正面 {positive:,} 条，负面 {negative:,} 条。</translation>
    </message>
    <message>
        <source>{count:,} byte sequence(s) in the file were not valid UTF-8 and were read as �.</source>
        <translation>文件中有 {count:,} 处字节不是有效的 UTF-8，已读作 �。</translation>
    </message>
    <message>
        <source> Accuracy &lt;b&gt;{accuracy:.4f}&lt;/b&gt; against the file&apos;s labels.</source>
        <translation> 对照文件中的标签，准确率为 &lt;b&gt;{accuracy:.4f}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Batch classification failed</source>
        <translation>批量分类失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export the results</source>
        <translation>无法导出结果</translation>
    </message>
    <message>
        <source>&lt;br&gt;Exported to {path}.</source>
        <translation>&lt;br&gt;已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>No Chinese font found for the charts, so they keep English labels. Install one (on Debian or Ubuntu: fonts-noto-cjk).</source>
        <extracomment>Language codes and their names, each written in its own language. Fonts tried in order for chart text: CJK families on Linux, Windows and macOS, then Matplotlib&apos;s own. File names of the CJK fonts above (Debian&apos;s fonts-noto-cjk, Adobe&apos;s, WenQuanYi, Windows, macOS).</extracomment>
        <translation>未找到可用于图表的中文字体，图表将保留英文标签。请安装一种中文字体（Debian 或 Ubuntu：fonts-noto-cjk）。</translation>
    </message>
</context>
<context>
    <name>ClassifyPanel</name>
    <message>
        <source>Train a model or open one (File &gt; Open model, Ctrl+O) to classify reviews.</source>
        <translation>请先训练或打开一个模型（文件 &gt; 打开模型，Ctrl+O）再对评论分类。</translation>
    </message>
    <message>
        <source>Type or paste a review to classify it.</source>
        <translation>输入或粘贴一条影评以进行分类。</translation>
    </message>
    <message>
        <source>Loved it</source>
        <extracomment>The titles of resources/example_reviews.json, for lupdate (a test checks the list is complete).</extracomment>
        <translation>太喜欢了</translation>
    </message>
    <message>
        <source>Waste of time</source>
        <translation>浪费时间</translation>
    </message>
    <message>
        <source>Mixed feelings</source>
        <translation>褒贬不一</translation>
    </message>
    <message>
        <source>Faint praise</source>
        <translation>勉强称赞</translation>
    </message>
    <message>
        <source>Surprise hit</source>
        <translation>意外之喜</translation>
    </message>
    <message>
        <source>Disappointing</source>
        <translation>令人失望</translation>
    </message>
    <message>
        <source>Classify a review</source>
        <extracomment>Pause in typing before a live classification, in milliseconds. Longer reviews are classified off the GUI thread, with their explanation. The probability that the review is positive, after each classification. An explanation is shown (live or after Classify): the Explanation.</extracomment>
        <translation>评论分类</translation>
    </message>
    <message>
        <source>Type or paste a movie review, then press Ctrl+Enter.</source>
        <translation>输入或粘贴一条影评，然后按 Ctrl+Enter。</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>The review to classify (Ctrl+L to come here, Ctrl+Enter to classify)</source>
        <translation>要分类的评论（Ctrl+L 跳到这里，Ctrl+Enter 分类）</translation>
    </message>
    <message>
        <source>Try an example:</source>
        <translation>试试示例：</translation>
    </message>
    <message>
        <source>Example review: {title}</source>
        <translation>示例评论：{title}</translation>
    </message>
    <message>
        <source>&amp;Classify</source>
        <translation>分类(&amp;C)</translation>
    </message>
    <message>
        <source>Classify the review (Ctrl+Enter)</source>
        <translation>对评论分类（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Classify as I t&amp;ype</source>
        <translation>边输入边分类(&amp;Y)</translation>
    </message>
    <message>
        <source>Classify and explain {delay} ms after you stop typing (off while training)</source>
        <translation>停止输入 {delay} 毫秒后分类并解释（训练期间关闭）</translation>
    </message>
    <message>
        <source>Classify as I type</source>
        <translation>边输入边分类</translation>
    </message>
    <message>
        <source>Probability that the review is positive</source>
        <translation>评论为正面的概率</translation>
    </message>
    <message>
        <source>The verdict, in words</source>
        <translation>判定结果（文字）</translation>
    </message>
    <message>
        <source>Explanation: each word coloured by its push on the verdict</source>
        <translation>解释：按每个词对判定的推动作用着色</translation>
    </message>
    <message>
        <source>Why: each word&apos;s push on the verdict</source>
        <translation>原因：每个词对判定的推动作用</translation>
    </message>
    <message>
        <source>Why: explaining…</source>
        <translation>原因：正在解释…</translation>
    </message>
    <message>
        <source>Why: {message}</source>
        <translation>原因：{message}</translation>
    </message>
    <message>
        <source>{count} word(s) read</source>
        <translation>读取了 {count} 个词</translation>
    </message>
    <message>
        <source>{count} not in the vocabulary</source>
        <translation>{count} 个不在词表中</translation>
    </message>
    <message>
        <source>the first {count} characters cut off (it reads the last {length} words)</source>
        <translation>前 {count} 个字符被截去（模型只读最后 {length} 个词）</translation>
    </message>
    <message>
        <source>{count} cut off (it reads the last {length})</source>
        <translation>{count} 个被截断（模型只读最后 {length} 个）</translation>
    </message>
    <message>
        <source>Why: </source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>No verdict yet</source>
        <translation>尚无判定</translation>
    </message>
    <message>
        <source>Type a review first</source>
        <translation>请先输入评论</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>正在分类…</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <source>{probability:.1%} positive</source>
        <translation>{probability:.1%} 正面</translation>
    </message>
    <message>
        <source>Verdict: {verdict}, {percent}</source>
        <translation>判定：{verdict}，{percent}</translation>
    </message>
</context>
<context>
    <name>ColumnDialog</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Columns of {name}</source>
        <extracomment>Reviews per model call; smaller chunks move the progress bar more often. Rows measured to size the label and probability columns (they all look alike).</extracomment>
        <translation>{name} 的列</translation>
    </message>
    <message>
        <source>Review text column</source>
        <translation>评论文本列</translation>
    </message>
    <message>
        <source>The column that holds the reviews</source>
        <translation>存放评论的列</translation>
    </message>
    <message>
        <source>True labels (0/1, pos/neg, positive/negative, true/false) give the accuracy and a confusion matrix</source>
        <translation>真实标签（0/1、pos/neg、positive/negative、true/false）可用于计算准确率和混淆矩阵</translation>
    </message>
    <message>
        <source>Label column (optional)</source>
        <translation>标签列（可选）</translation>
    </message>
    <message>
        <source>&amp;Classify</source>
        <translation>分类(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Review text column</source>
        <translation>评论文本列(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Label column (optional)</source>
        <translation>标签列（可选）(&amp;L)</translation>
    </message>
</context>
<context>
    <name>CombineTask</name>
    <message>
        <source>Combining {count} models into an ensemble…</source>
        <translation>正在把 {count} 个模型组合为集成模型…</translation>
    </message>
    <message>
        <source>Cannot combine the models</source>
        <translation>无法组合这些模型</translation>
    </message>
    <message>
        <source>Combining stopped before it produced anything; nothing changed.</source>
        <translation>组合在产生结果前已停止；没有任何更改。</translation>
    </message>
    <message>
        <source>Combined into an ensemble: test accuracy {accuracy:.2%}.</source>
        <translation>已组合为集成模型：测试准确率 {accuracy:.2%}。</translation>
    </message>
    <message>
        <source>Combined into an ensemble. Its models were tested on different reviews: Evaluate it to test it.</source>
        <translation>已组合为集成模型。它的各个模型是在不同的评论上测试的：请点“评估”来测试它。</translation>
    </message>
    <message>
        <source>Ensemble of {runs}</source>
        <translation>集成：{runs}</translation>
    </message>
</context>
<context>
    <name>ConfigForm</name>
    <message>
        <source>&amp;Presets</source>
        <extracomment>Fields shown in the right-hand column. The text fields and the family&apos;s own go left, in declaration order; the other common fields keep the columns even. Fields that only matter with early stopping. The family chooser&apos;s key in ``widgets`` and ``values()`` (as in ``TrainingConfig.flat_dict()``). The values changed (by the user, a preset, reset or set_config). Where the family&apos;s rows start in the left column: after the chooser and the text fields.</extracomment>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>Start from a named recipe</source>
        <translation>从一个命名配方开始</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>&amp;Reset to defaults</source>
        <translation>恢复默认值(&amp;R)</translation>
    </message>
    <message>
        <source>The Keras tutorial&apos;s recipe</source>
        <translation>Keras 教程的配方</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Model family</source>
        <translation>模型类型</translation>
    </message>
    <message>
        <source>The kind of network to train; the fields under the text settings are its own</source>
        <translation>要训练的网络类型；文本设置下方的字段属于该类型</translation>
    </message>
    <message>
        <source> ({low:g} to {high:g})</source>
        <translation>（{low:g} 到 {high:g}）</translation>
    </message>
</context>
<context>
    <name>ContributionLegend</name>
    <message>
        <source>Background colour: how much deleting the word changes the probability of positive</source>
        <translation>背景色：删除该词后“正面”概率的变化幅度</translation>
    </message>
    <message>
        <source>underlined italic</source>
        <translation>下划线斜体</translation>
    </message>
    <message>
        <source>: not in the vocabulary · </source>
        <translation>：不在词表中 · </translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰色</translation>
    </message>
    <message>
        <source>: not seen (cut by the length limit) · </source>
        <translation>：未被读取（被长度限制截断） · </translation>
    </message>
    <message>
        <source>hover a word for its contribution</source>
        <translation>鼠标悬停在词上可查看其贡献</translation>
    </message>
    <message>
        <source>◀ negative</source>
        <translation>◀ 负面</translation>
    </message>
    <message>
        <source>positive ▶</source>
        <translation>正面 ▶</translation>
    </message>
</context>
<context>
    <name>DataSourcePanel</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Data path</source>
        <translation>数据路径</translation>
    </message>
    <message>
        <source>The path of the data</source>
        <extracomment>Quiet time after the last edit before the data is read, in milliseconds. The source or its options changed. The data was read: the :class:`SharedLoad`, with its corpus (and preview for a table). The data could not be read: the engine&apos;s message.</extracomment>
        <translation>数据的路径</translation>
    </message>
    <message>
        <source>Where the labelled reviews come from</source>
        <translation>带标签评论的来源</translation>
    </message>
    <message>
        <source>Kind of data</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>F&amp;ile…</source>
        <translation>文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Read the data now to see its counts and balance (downloads it if needed)</source>
        <translation>立即读取数据以查看数量和类别平衡（必要时会下载）</translation>
    </message>
    <message>
        <source>Read the data</source>
        <translation>读取数据</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>读取进度</translation>
    </message>
    <message>
        <source>What the data holds</source>
        <translation>数据内容</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>文件的前几行</translation>
    </message>
    <message>
        <source>Choose the data to train on.</source>
        <translation>请选择用于训练的数据。</translation>
    </message>
    <message>
        <source>{what} is not downloaded yet: Train downloads it once into the Keras cache, or click Read now to see its counts first.</source>
        <translation>{what}尚未下载：“训练”会将其一次性下载到 Keras 缓存中，也可以点击“立即读取”先查看其数量。</translation>
    </message>
    <message>
        <source>Read n&amp;ow</source>
        <translation>立即读取(&amp;O)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Reading {source}…</source>
        <translation>正在读取 {source}…</translation>
    </message>
    <message>
        <source>Downloading %p%</source>
        <translation>正在下载 %p%</translation>
    </message>
    <message>
        <source>Reading %p%</source>
        <translation>正在读取 %p%</translation>
    </message>
    <message>
        <source>Source: {origin}</source>
        <translation>来源：{origin}</translation>
    </message>
    <message>
        <source>Train: {balance}</source>
        <translation>训练集：{balance}</translation>
    </message>
    <message>
        <source>Test: {balance}</source>
        <translation>测试集：{balance}</translation>
    </message>
    <message>
        <source>{count} file(s) were not valid UTF-8 and were decoded with replacement characters.</source>
        <translation>{count} 个文件不是有效的 UTF-8，已用替换字符解码。</translation>
    </message>
    <message>
        <source>Read a&amp;gain</source>
        <translation>重新读取(&amp;G)</translation>
    </message>
    <message>
        <source>Choose the test file</source>
        <translation>选择测试文件</translation>
    </message>
    <message>
        <source>Choose the test folder</source>
        <translation>选择测试文件夹</translation>
    </message>
    <message>
        <source>Fol&amp;der…</source>
        <translation>文件夹(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>DataSummary</name>
    <message>
        <source>no reviews</source>
        <translation>没有评论</translation>
    </message>
    <message>
        <source>{count} reviews: {positive} positive ({share:.0f}%) / {negative} negative</source>
        <translation>{count} 条评论：正面 {positive} 条（{share:.0f}%）/ 负面 {negative} 条</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation>未知来源</translation>
    </message>
    <message>
        <source>Data: not recorded in this model file.</source>
        <translation>数据：此模型文件中未记录。</translation>
    </message>
    <message>
        <source>Data: {origin}</source>
        <translation>数据：{origin}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Quit while training?</source>
        <extracomment>What to do with a running task when the window closes. An error dialog was shown, with its message. When not None, ask() returns it without a dialog (tests, scripts).</extracomment>
        <translation>训练中退出？</translation>
    </message>
    <message>
        <source>Stop training and quit? The model trained so far will be kept in the Runs tab.</source>
        <translation>停止训练并退出？目前已训练的模型将保留在“训练记录”标签页中。</translation>
    </message>
    <message>
        <source>Stop, keep the model and quit</source>
        <translation>停止、保留模型并退出</translation>
    </message>
    <message>
        <source>Discard the model and quit</source>
        <translation>丢弃模型并退出</translation>
    </message>
    <message>
        <source>Go on training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>Quit while working?</source>
        <translation>任务进行中，要退出吗？</translation>
    </message>
    <message>
        <source>A task is running. Stop it and quit?</source>
        <translation>有任务正在运行。停止它并退出吗？</translation>
    </message>
</context>
<context>
    <name>EvaluateTask</name>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <source>Evaluation failed</source>
        <translation>评估失败</translation>
    </message>
    <message>
        <source>Evaluation stopped before it produced anything; nothing changed.</source>
        <translation>评估在产生任何结果前已停止；没有任何改变。</translation>
    </message>
    <message>
        <source>Evaluated on the test reviews.</source>
        <translation>已在测试评论上完成评估。</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <source>negative</source>
        <extracomment>The label of each class, by value, in the &quot;EvaluationView&quot; context (the tab&apos;s matrix uses them too).</extracomment>
        <translation>负面</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Train a model or open one to see how it does on the test reviews.</source>
        <extracomment>The slider&apos;s steps per unit of threshold. Rows measured to size the label and probability columns (all of them look alike).</extracomment>
        <translation>训练或打开一个模型，查看它在测试评论上的表现。</translation>
    </message>
    <message>
        <source>This model has no per-review test results: its training was stopped before the test, or its file predates them. Evaluate it on the test reviews to fill this tab.</source>
        <translation>该模型没有逐条评论的测试结果：训练在测试前被停止，或模型文件早于此功能。请在测试评论上评估它以填充此标签页。</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>E&amp;valuate on the test reviews</source>
        <extracomment>A wrong review was clicked: its full text. The empty state&apos;s Evaluate button was clicked. The shown metrics changed (threshold moved or a new model): the metrics dict.</extracomment>
        <translation>在测试评论上评估(&amp;V)</translation>
    </message>
    <message>
        <source>Compute the test metrics and per-review results of the current model (Ctrl+E)</source>
        <translation>计算当前模型的测试指标和逐条评论结果（Ctrl+E）</translation>
    </message>
    <message>
        <source>Evaluate on the test reviews</source>
        <translation>在测试评论上评估</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>true</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>假阳性率</translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation>真阳性率</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC 曲线</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Decision &amp;threshold</source>
        <translation>判定阈值(&amp;T)</translation>
    </message>
    <message>
        <source>Reviews with a probability at or above this are called positive</source>
        <translation>概率不低于此值的评论判为正面</translation>
    </message>
    <message>
        <source>Decision threshold</source>
        <translation>判定阈值</translation>
    </message>
    <message>
        <source>Back to the default threshold</source>
        <translation>恢复默认阈值</translation>
    </message>
    <message>
        <source>Reset the threshold to 0.5</source>
        <translation>将阈值重置为 0.5</translation>
    </message>
    <message>
        <source>True label</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <source>P(positive)</source>
        <translation>P(正面)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Most confidently wrong test reviews</source>
        <translation>最有把握却判错的测试评论</translation>
    </message>
    <message>
        <source>Click a review, or select it and press Enter, to explain it in the classify panel</source>
        <translation>单击一条评论，或选中后按 Enter，在分类面板中解释它</translation>
    </message>
    <message>
        <source>Most confidently wrong test reviews (click one to explain it)</source>
        <translation>最有把握却判错的测试评论（单击一条以解释）</translation>
    </message>
    <message>
        <source>ROC curve · AUC {auc:.3f}</source>
        <translation>ROC 曲线 · AUC {auc:.3f}</translation>
    </message>
    <message>
        <source>ROC curve (one class only)</source>
        <translation>ROC 曲线（只有一个类别）</translation>
    </message>
    <message>
        <source>ROC AUC &lt;b&gt;{auc:.3f}&lt;/b&gt;</source>
        <translation>ROC AUC &lt;b&gt;{auc:.3f}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>on {count:,} test reviews</source>
        <translation>基于 {count:,} 条测试评论</translation>
    </message>
    <message>
        <source>The {count} most confidently wrong test reviews (click one to explain it)</source>
        <translation>最有把握却判错的 {count} 条测试评论（单击一条以解释）</translation>
    </message>
    <message>
        <source>No wrong test reviews.</source>
        <translation>没有判错的测试评论。</translation>
    </message>
</context>
<context>
    <name>ExplainRunner</name>
    <message>
        <source>Could not explain the review ({kind}: {reason})</source>
        <extracomment>Text in, a core.insight.explain.Explanation out; runs in the pool thread.</extracomment>
        <translation>无法解释该评论（{kind}：{reason}）</translation>
    </message>
</context>
<context>
    <name>ExplanationView</name>
    <message>
        <source>The beginning of the review, up to its last {length} words: not seen by the model (cut off by the max-length truncation)</source>
        <extracomment>QTextFormat property holding a word&apos;s index in the explanation. QTextFormat property marking the unseen run (True). Characters shown of the unseen part (its end), of one word, and of the text between two words. Contributions are scaled by the review&apos;s largest one, but never by less than this, so a review of tiny pushes does not look dramatic.</extracomment>
        <translation>评论的开头（最后 {length} 个词之前的部分）：模型没有看到（被最大长度截断）</translation>
    </message>
    <message>
        <source>{count} word(s) not seen by the model (cut off by the max-length truncation)</source>
        <translation>{count} 个词模型没有看到（被最大长度截断）</translation>
    </message>
    <message>
        <source> · not in the vocabulary (read as the unknown-word token)</source>
        <translation> · 不在词表中（按未知词处理）</translation>
    </message>
    <message>
        <source>towards positive</source>
        <translation>偏向正面</translation>
    </message>
    <message>
        <source>towards negative</source>
        <translation>偏向负面</translation>
    </message>
    <message>
        <source>neither way</source>
        <translation>无倾向</translation>
    </message>
    <message>
        <source>“{word}”: {contribution:+.3f} ({direction})</source>
        <translation>“{word}”：{contribution:+.3f}（{direction}）</translation>
    </message>
    <message>
        <source>Classify a review to see which words pushed the verdict.</source>
        <translation>对一条评论分类，查看哪些词推动了判定。</translation>
    </message>
    <message>
        <source>[{count} earlier characters not shown]</source>
        <translation>[前面 {count} 个字符未显示]</translation>
    </message>
</context>
<context>
    <name>ExportTask</name>
    <message>
        <source>Exporting for serving to {folder}…</source>
        <translation>正在导出用于服务的模型到 {folder}…</translation>
    </message>
    <message>
        <source>Cannot export for serving</source>
        <translation>无法导出用于服务的模型</translation>
    </message>
    <message>
        <source>Export stopped before it wrote anything; nothing changed.</source>
        <translation>导出在写入任何内容前已停止；没有任何改变。</translation>
    </message>
    <message>
        <source>Exported for serving to {folder} (signature serving_default: text -&gt; positive_probability).</source>
        <translation>已导出用于服务的模型到 {folder}（签名 serving_default：text -&gt; positive_probability）。</translation>
    </message>
</context>
<context>
    <name>FigurePanel</name>
    <message>
        <source>Home</source>
        <extracomment>Matplotlib&apos;s toolbar texts and tooltips, for lupdate; the toolbar&apos;s actions are translated from them.</extracomment>
        <translation>主页</translation>
    </message>
    <message>
        <source>Reset original view</source>
        <translation>重置为原始视图</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Back to previous view</source>
        <translation>返回上一个视图</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Forward to next view</source>
        <translation>前进到下一个视图</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Left button pans, Right button zooms
x/y fixes axis, CTRL fixes aspect</source>
        <translation>左键平移，右键缩放
x/y 固定坐标轴，CTRL 固定纵横比</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Zoom to rectangle
x/y fixes axis</source>
        <translation>缩放到矩形
x/y 固定坐标轴</translation>
    </message>
    <message>
        <source>Subplots</source>
        <translation>子图</translation>
    </message>
    <message>
        <source>Configure subplots</source>
        <translation>配置子图</translation>
    </message>
    <message>
        <source>Customize</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Edit axis, curve and image parameters</source>
        <translation>编辑坐标轴、曲线和图像参数</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the figure</source>
        <translation>保存图表</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Keras models (*.keras)</source>
        <translation>Keras 模型 (*.keras)</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>{name} already exists in {folder}. Replace it?</source>
        <translation>{folder} 中已存在 {name}。要替换它吗？</translation>
    </message>
    <message>
        <source>Cannot save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Cannot export the chart</source>
        <translation>无法导出图表</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Chart exported to {path}</source>
        <translation>图表已导出到 {path}</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>导出历史</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export the history</source>
        <translation>无法导出历史</translation>
    </message>
    <message>
        <source>History exported to {path}</source>
        <translation>历史已导出到 {path}</translation>
    </message>
    <message>
        <source>Export for serving: a new or empty folder</source>
        <translation>导出用于服务：选择一个新的或空的文件夹</translation>
    </message>
    <message>
        <source>Cannot export for serving</source>
        <translation>无法导出用于服务的模型</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>Language: {name}</source>
        <extracomment>The language of the app changed (View &gt; Language): its code.</extracomment>
        <translation>语言：{name}</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{app}&lt;/b&gt;&lt;p&gt;Train a Keras LSTM on the IMDB reviews, watch it learn, and use it.&lt;/p&gt;&lt;p&gt;Settings are kept in {file}&lt;/p&gt;</source>
        <translation>&lt;b&gt;{app}&lt;/b&gt;&lt;p&gt;在 IMDB 影评上训练 Keras LSTM，观察它的学习过程，并使用它。&lt;/p&gt;&lt;p&gt;设置保存在 {file}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save model</source>
        <translation>保存模型(&amp;S)</translation>
    </message>
    <message>
        <source>Save model &amp;as…</source>
        <translation>模型另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Export chart as &amp;PNG…</source>
        <translation>导出图表为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Export history as &amp;CSV…</source>
        <translation>导出历史为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Export for ser&amp;ving…</source>
        <translation>导出用于服务(&amp;V)…</translation>
    </message>
    <message>
        <source>Write the model as a TensorFlow SavedModel for TensorFlow Serving, in a new or empty folder</source>
        <translation>将模型写为 TensorFlow SavedModel，供 TensorFlow Serving 使用，存放在一个新的或空的文件夹中</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Evaluate on the test set</source>
        <translation>在测试集上评估(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preset</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reset to defaults</source>
        <translation>恢复默认值(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>{tab} tab</source>
        <translation>“{tab}”标签页</translation>
    </message>
    <message>
        <source>Type a re&amp;view</source>
        <translation>输入评论(&amp;V)</translation>
    </message>
    <message>
        <source>Choose the &amp;data</source>
        <translation>选择数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ready. Choose the data and the hyperparameters, then click Train.</source>
        <extracomment>Milliseconds closeEvent waits for the workers before hiding and finishing later. After the first paint, how long the window idles before TensorFlow is imported in the background. The task has ended and the window is idle again: the task&apos;s kind (&quot;train&quot;, &quot;evaluate&quot;, &quot;open&quot;, &quot;export&quot;). The window painted for the first time (startup benchmark). Progress the window has shown (GUI thread): epoch, step, steps per epoch. The running task&apos;s phase reached the window (GUI thread): &quot;loading data&quot;, &quot;training&quot;, ... How long closing waits for the workers to end before the window hides and closes when they do.</extracomment>
        <translation>就绪。请选择数据和超参数，然后点击“训练”。</translation>
    </message>
    <message>
        <source>Cannot keep the run list</source>
        <translation>无法保存训练记录列表</translation>
    </message>
    <message>
        <source>Classify is available again when the current task ends.</source>
        <translation>当前任务结束后即可再次分类。</translation>
    </message>
    <message>
        <source>Invalid hyperparameters</source>
        <translation>超参数无效</translation>
    </message>
    <message>
        <source>No data chosen</source>
        <translation>未选择数据</translation>
    </message>
    <message>
        <source>Choose the data in the Data panel: the aclImdb folder or its .tar.gz, Download, a CSV file, a folder with pos/ and neg/, or Keras&apos;s IMDB dataset.</source>
        <translation>请在“数据”面板中选择数据：aclImdb 文件夹或其 .tar.gz、下载、CSV 文件、含 pos/ 和 neg/ 的文件夹，或 Keras 的 IMDB 数据集。</translation>
    </message>
    <message>
        <source>Choose the data to evaluate on: the aclImdb folder, its .tar.gz, or Download.</source>
        <translation>请选择用于评估的数据：aclImdb 文件夹、其 .tar.gz，或“下载”。</translation>
    </message>
    <message>
        <source>Cannot open the model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>Run not fully kept</source>
        <translation>训练记录未完整保存</translation>
    </message>
    <message>
        <source>unsaved model</source>
        <translation>未保存的模型</translation>
    </message>
</context>
<context>
    <name>ModelSummaryPanel</name>
    <message>
        <source>Model summary</source>
        <translation>模型概要</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Total trainable parameters: {total:,}</source>
        <translation>可训练参数总数：{total:,}</translation>
    </message>
</context>
<context>
    <name>OpenTask</name>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>Cannot open the model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>Opening stopped before it produced anything; nothing changed.</source>
        <translation>打开操作在产生任何结果前已停止；没有任何改变。</translation>
    </message>
    <message>
        <source>Opened {name}.</source>
        <translation>已打开 {name}。</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>该模型</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <source>No model yet.</source>
        <translation>还没有模型。</translation>
    </message>
    <message>
        <source>On {count:,} test reviews. Confusion: {tn:,} true negatives, {fp:,} false positives, {fn:,} false negatives, {tp:,} true positives.</source>
        <translation>基于 {count:,} 条测试评论。混淆情况：真阴性 {tn:,}，假阳性 {fp:,}，假阴性 {fn:,}，真阳性 {tp:,}。</translation>
    </message>
    <message>
        <source>Test metrics not computed (training was stopped). Click Evaluate to compute them.</source>
        <translation>尚未计算测试指标（训练被停止）。点击“评估”进行计算。</translation>
    </message>
    <message>
        <source>Training time {time}</source>
        <translation>训练用时 {time}</translation>
    </message>
    <message>
        <source>{done} of {planned} epochs</source>
        <translation>{done} / {planned} 轮</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>已被你停止</translation>
    </message>
    <message>
        <source>best validation epoch {epoch} (its weights were restored)</source>
        <translation>最佳验证轮次 {epoch}（已恢复其权重）</translation>
    </message>
    <message>
        <source>best validation epoch {epoch}</source>
        <translation>最佳验证轮次 {epoch}</translation>
    </message>
</context>
<context>
    <name>RunCompareChart</name>
    <message>
        <source>Validation accuracy</source>
        <extracomment>Fields TrainingConfig.describe() names, in some family. Fields every family has. Fields that do not change what is learnt.</extracomment>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>unknown configuration</source>
        <translation>未知配置</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Select runs in the list to compare them.</source>
        <translation>在列表中选择训练记录以进行比较。</translation>
    </message>
    <message>
        <source>These runs have no validation data.</source>
        <translation>这些训练记录没有验证数据。</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Loading data…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <source>Building vocabulary…</source>
        <translation>正在构建词表…</translation>
    </message>
    <message>
        <source>Vectorising reviews…</source>
        <translation>正在向量化评论…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Evaluating on the test reviews…</source>
        <translation>正在测试评论上评估…</translation>
    </message>
    <message>
        <source>Opening the model (TensorFlow loads on first use)…</source>
        <translation>正在打开模型（首次使用时加载 TensorFlow）…</translation>
    </message>
    <message>
        <source>Weighing the ensemble&apos;s members on the validation reviews…</source>
        <translation>正在用验证评论为集成模型的成员确定权重…</translation>
    </message>
    <message>
        <source>Exporting for serving (tracing and checking the graph)…</source>
        <translation>正在导出用于服务（追踪并检查计算图）…</translation>
    </message>
    <message>
        <source>Run</source>
        <extracomment>Phases with no steps to count: the batch bar becomes a busy indicator. What the status bar should say now (a phase, the download, the epoch and its loss). A batch&apos;s progress has been shown (GUI thread): epoch, step, steps per epoch.</extracomment>
        <translation>运行</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train a new model with these settings (Ctrl+T)</source>
        <translation>用这些设置训练一个新模型（Ctrl+T）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the current batch and keep the model trained so far (Esc)</source>
        <translation>在当前批次后停止，并保留目前训练好的模型（Esc）</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Compute the test metrics of the current model (Ctrl+E)</source>
        <translation>计算当前模型的测试指标（Ctrl+E）</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Epoch 0 of %m</source>
        <translation>第 0 / %m 轮</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>{done:.1f} of {total:.0f} MB</source>
        <translation>{done:.1f} / {total:.0f} MB</translation>
    </message>
    <message>
        <source>{done:.1f} MB</source>
        <translation>{done:.1f} MB</translation>
    </message>
    <message>
        <source>Downloading the IMDB reviews: {size}</source>
        <translation>正在下载 IMDB 评论：{size}</translation>
    </message>
    <message>
        <source>Reading reviews</source>
        <translation>正在读取评论</translation>
    </message>
    <message>
        <source>Batch %v of %m</source>
        <translation>第 %v / %m 批</translation>
    </message>
    <message>
        <source>Training epoch {epoch}/{epochs}</source>
        <translation>正在训练第 {epoch}/{epochs} 轮</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs}</source>
        <translation>第 {epoch} / {epochs} 轮</translation>
    </message>
    <message>
        <source> · about {time} left</source>
        <translation> · 约剩 {time}</translation>
    </message>
    <message>
        <source>Elapsed {time}</source>
        <translation>已用时 {time}</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>将在当前批次后停止…</translation>
    </message>
    <message>
        <source>{epochs} epoch(s) trained</source>
        <translation>已训练 {epochs} 轮</translation>
    </message>
</context>
<context>
    <name>RunStore</name>
    <message>
        <source>unknown configuration</source>
        <extracomment>Test metrics kept in the index (the full set stays in the model file).</extracomment>
        <translation>未知配置</translation>
    </message>
    <message>
        <source>The run list {path} could not be read ({reason}) nor set aside ({error}). It is left as it is, and changes to the run list are not saved: move the file away, then start the app again.</source>
        <extracomment>The index could not be written: a message for the user.</extracomment>
        <translation>无法读取训练记录列表 {path}（{reason}），也无法将其移到一旁（{error}）。该文件保持原样，对训练记录列表的更改不会保存：请把该文件移走，然后重新启动应用。</translation>
    </message>
    <message>
        <source>The run list could not be read ({reason}); a new list was started.</source>
        <translation>无法读取训练记录列表（{reason}）；已开始一个新列表。</translation>
    </message>
    <message>
        <source>The run list could not be read ({reason}). It was kept as {aside}, and a new list was started.</source>
        <translation>无法读取训练记录列表（{reason}）。原文件已保留为 {aside}，并已开始一个新列表。</translation>
    </message>
    <message>
        <source>{count} run(s) name a model file outside {folder}; the app never opens or deletes such a file.</source>
        <translation>{count} 条训练记录指向 {folder} 之外的模型文件；本应用绝不会打开或删除这类文件。</translation>
    </message>
    <message>
        <source>The run is listed, but its model could not be kept in {folder}: {reason}</source>
        <translation>训练记录已列出，但其模型无法保存在 {folder}：{reason}</translation>
    </message>
    <message>
        <source>Could not write the run list {path}: {reason}. The runs stay listed until you quit.</source>
        <translation>无法写入训练记录列表 {path}：{reason}。在退出前这些记录仍会列出。</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Val. accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Runs</source>
        <extracomment>Shows a folder in the system&apos;s file manager. The one thing tests replace (with a recorder), so no file manager starts. Open this run&apos;s model as the current model: its model file path. Combine the selected runs&apos; models into an ensemble: the runs (two or more, each with a model file). A message for the window&apos;s error dialog: title, message.</extracomment>
        <translation>训练记录</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>重命名(&amp;N)</translation>
    </message>
    <message>
        <source>Rename the selected run (or double-click its name, or press F2)</source>
        <translation>重命名所选训练记录（或双击其名称，或按 F2）</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>Forget the selected runs and delete their saved models</source>
        <translation>移除所选训练记录并删除其保存的模型</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Make the selected run&apos;s model the current one</source>
        <translation>将所选训练记录的模型设为当前模型</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Combine into &amp;ensemble</source>
        <translation>组合为集成模型(&amp;E)</translation>
    </message>
    <message>
        <source>One model that averages the probabilities of the selected runs&apos; models (select two or more)</source>
        <translation>一个对所选训练记录的模型概率取平均的模型（请选择两个或更多）</translation>
    </message>
    <message>
        <source>Combine into ensemble</source>
        <translation>组合为集成模型</translation>
    </message>
    <message>
        <source>Select runs to compare or combine them (Ctrl/Shift-click).</source>
        <translation>选择训练记录进行比较或组合（Ctrl/Shift 单击）。</translation>
    </message>
    <message>
        <source>Open lo&amp;g folder</source>
        <translation>打开日志文件夹(&amp;G)</translation>
    </message>
    <message>
        <source>Show the selected run&apos;s TensorBoard logs in the file manager (tensorboard --logdir on the folder above it compares the runs)</source>
        <translation>在文件管理器中显示所选运行的 TensorBoard 日志（对其上一级文件夹运行 tensorboard --logdir 可比较各次运行）</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>Select runs to compare them (Ctrl/Shift-click).</source>
        <translation>选择训练记录进行比较（Ctrl/Shift 单击）。</translation>
    </message>
    <message>
        <source>{count} run(s), kept in {folder}</source>
        <translation>{count} 条训练记录，保存在 {folder}</translation>
    </message>
    <message>
        <source> (stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <source>From {origin}</source>
        <translation>来自 {origin}</translation>
    </message>
    <message>
        <source>Trained in this app</source>
        <translation>在本应用中训练</translation>
    </message>
    <message>
        <source>Cannot open the log folder</source>
        <translation>无法打开日志文件夹</translation>
    </message>
    <message>
        <source>No file manager could show {folder}. Open it yourself, or run: tensorboard --logdir &quot;{folder}&quot;</source>
        <translation>没有文件管理器能够显示 {folder}。请自行打开它，或运行：tensorboard --logdir &quot;{folder}&quot;</translation>
    </message>
</context>
<context>
    <name>SetupColumn</name>
    <message>
        <source>Edit for a new run</source>
        <extracomment>&quot;Edit for a new run&quot; was clicked: the form is editable (and the button gone).</extracomment>
        <translation>编辑以开始新的训练</translation>
    </message>
    <message>
        <source>The form shows the opened model&apos;s configuration; edit it to train a new model</source>
        <translation>表单显示的是已打开模型的配置；编辑它以训练一个新模型</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
</context>
<context>
    <name>SourceOptionRows</name>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Te&amp;xt column</source>
        <translation>文本列(&amp;X)</translation>
    </message>
    <message>
        <source>La&amp;bel column</source>
        <translation>标签列(&amp;B)</translation>
    </message>
    <message>
        <source>The column holding the review text</source>
        <translation>存放评论文本的列</translation>
    </message>
    <message>
        <source>Text column</source>
        <translation>文本列</translation>
    </message>
    <message>
        <source>The column holding the label: 0/1, pos/neg, positive/negative or true/false</source>
        <translation>存放标签的列：0/1、pos/neg、positive/negative 或 true/false</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>标签列</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>&amp;Split off</source>
        <translation>划分出(&amp;S)</translation>
    </message>
    <message>
        <source>Hold out this share of each class for testing (stratified)</source>
        <translation>从每个类别中留出这一比例用于测试（分层抽样）</translation>
    </message>
    <message>
        <source>Split off a test set</source>
        <translation>划分出测试集</translation>
    </message>
    <message>
        <source>Test data fro&amp;m</source>
        <translation>测试数据来自(&amp;M)</translation>
    </message>
    <message>
        <source>Test on a second file or folder of the same kind</source>
        <translation>在同类型的另一个文件或文件夹上测试</translation>
    </message>
    <message>
        <source>Test data from a file or folder</source>
        <translation>测试数据来自文件或文件夹</translation>
    </message>
    <message>
        <source>Share of the reviews held out for the test set</source>
        <translation>留作测试集的评论比例</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Seed of the split; the same seed gives the same split</source>
        <translation>划分的随机种子；相同的种子得到相同的划分</translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation>划分种子</translation>
    </message>
    <message>
        <source>a second file or folder of the same kind</source>
        <translation>同类型的另一个文件或文件夹</translation>
    </message>
    <message>
        <source>The test file or folder</source>
        <translation>测试文件或文件夹</translation>
    </message>
    <message>
        <source>Test data path</source>
        <translation>测试数据路径</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Choose the test file or folder</source>
        <translation>选择测试文件或文件夹</translation>
    </message>
    <message>
        <source>Choose the test data</source>
        <translation>选择测试数据</translation>
    </message>
    <message>
        <source>load_data(num_words=...): rarer words become the out-of-vocabulary mark</source>
        <translation>load_data(num_words=...)：更罕见的词会变成未登录词标记</translation>
    </message>
    <message>
        <source>Number of words</source>
        <translation>词数</translation>
    </message>
</context>
<context>
    <name>StartupSplash</name>
    <message>
        <source>Loading TensorFlow…</source>
        <extracomment>The splash has painted for the first time.</extracomment>
        <translation>正在加载 TensorFlow…</translation>
    </message>
</context>
<context>
    <name>TaskWorker</name>
    <message>
        <source>Out of memory. Lower the vocabulary size, sequence length or batch size and try again.</source>
        <extracomment>What a worker runs: it reports to the hooks and honours the stop event. Phases reported before training starts; a Stop during them abandons the run. After each ``epoch`` signal, wait up to this many seconds for :attr:`epoch_shown`. The GUI sets it once the epoch is drawn: the draw then has the GIL to itself instead of sharing it with Keras&apos;s Python between epochs. Before the job starts, wait up to :attr:`start_pause` seconds for this: the GUI sets it once it has drawn what the click changed, so that draw does not share the GIL with the job&apos;s first seconds. The id of the thread the job ran on, once it has started. The last phase the job reported.</extracomment>
        <translation>内存不足。请降低词表大小、序列长度或批大小后重试。</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}): {reason}</source>
        <translation>意外错误（{kind}）：{reason}</translation>
    </message>
</context>
<context>
    <name>TrainTask</name>
    <message>
        <source>Loading data…</source>
        <extracomment>The kind&apos;s name, as ``MainWindow.task_ended`` reports it. Stop (Esc) can end it early. Quitting while it runs keeps what it made so far (a training&apos;s model) unless told not to. After it finished, the form shows the model&apos;s configuration, read-only (True), the user&apos;s own (False), or stays as it is (None). The run list selects the task&apos;s run once it is kept. The window draws something at the click (an emptied chart) and says when it is drawn (``TaskController.start_ack``); the job waits a moment for that. What goes to the engine: a plain request (or, in tests, a job callable). Epochs planned (a training), else 0. The data choice the task reads (``DataChoice.key()``): its corpus is reused for it.</extracomment>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>Training stopped before it produced anything; nothing changed.</source>
        <translation>训练在产生任何结果前已停止；没有任何改变。</translation>
    </message>
    <message>
        <source>Stopped after {epochs} epoch(s); the model is kept. Evaluate, save or use it.</source>
        <translation>已在 {epochs} 轮后停止；模型已保留。可以评估、保存或使用它。</translation>
    </message>
    <message>
        <source>Done in {time}.</source>
        <translation>完成，用时 {time}。</translation>
    </message>
    <message>
        <source>Finished after {time}</source>
        <translation>已完成，用时 {time}</translation>
    </message>
</context>
<context>
    <name>TrainingChart</name>
    <message>
        <source>Accuracy</source>
        <extracomment>History keys drawn, by axes. The axes that carries the legend.</extracomment>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Click Train to watch the model learn</source>
        <extracomment>The y range of each axes while it has no points: accuracy from a coin flip to perfect.</extracomment>
        <translation>点击“训练”，看模型如何学习</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>best epoch</source>
        <extracomment>Up to this many epochs, each one has its tick. False when the legend must be built again (new labels or colours). The legend&apos;s key for the best-epoch marker, which is hidden until there is a best epoch. Data of each line, by history key (one value per finished epoch). The epochs the empty chart spans when no run has planned any (the form&apos;s). A line before the note: which of an ensemble&apos;s members the curves are.</extracomment>
        <translation>最佳轮次</translation>
    </message>
    <message>
        <source>Early stopping restored the weights of epoch {epoch}, the best validation loss.</source>
        <translation>提前停止已恢复第 {epoch} 轮（验证损失最低）的权重。</translation>
    </message>
    <message>
        <source>Best validation loss at epoch {epoch}.</source>
        <translation>验证损失在第 {epoch} 轮最低。</translation>
    </message>
</context>
<context>
    <name>TrialsModel</name>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>工作进程</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>已剪枝</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
</context>
<context>
    <name>TuneCharts</name>
    <message>
        <source>Optimisation history</source>
        <translation>优化历史</translation>
    </message>
    <message>
        <source>Parameter importance</source>
        <translation>参数重要性</translation>
    </message>
    <message>
        <source>Value against {parameter}</source>
        <translation>目标值与 {parameter}</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>Trial value</source>
        <translation>试验目标值</translation>
    </message>
    <message>
        <source>Best so far</source>
        <translation>目前最佳</translation>
    </message>
</context>
<context>
    <name>TuneView</name>
    <message>
        <source>Connect to study</source>
        <extracomment>The best trial&apos;s config (a TrainingConfig), for the form. The search thread has ended (finished, stopped or failed).</extracomment>
        <translation>连接到研究</translation>
    </message>
    <message>
        <source>Database URL (e.g. postgresql://user@host/db); empty for this machine&apos;s file:</source>
        <translation>数据库 URL（例如 postgresql://user@host/db）；留空则使用本机文件：</translation>
    </message>
    <message>
        <source>Study database: {url}</source>
        <translation>研究数据库：{url}</translation>
    </message>
    <message>
        <source>this machine&apos;s file</source>
        <translation>本机文件</translation>
    </message>
    <message>
        <source>Name the study.</source>
        <translation>请为研究命名。</translation>
    </message>
    <message>
        <source>Searching: study {name}…</source>
        <translation>正在搜索：研究 {name}…</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>将在当前批次后停止…</translation>
    </message>
    <message>
        <source>The search has ended.</source>
        <translation>搜索已结束。</translation>
    </message>
    <message>
        <source>There is no such study.</source>
        <translation>没有这个研究。</translation>
    </message>
    <message>
        <source>The best trial&apos;s configuration is in the form: click Train.</source>
        <translation>最佳试验的配置已填入表单：点击“训练”。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Range (LOW..HIGH[:log] or A,B,C)</source>
        <translation>范围（LOW..HIGH[:log] 或 A,B,C）</translation>
    </message>
    <message>
        <source>Model family:</source>
        <translation>模型类型：</translation>
    </message>
    <message>
        <source>Search space:</source>
        <translation>搜索空间：</translation>
    </message>
    <message>
        <source>Objective:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Trials:</source>
        <translation>试验次数：</translation>
    </message>
    <message>
        <source>Time limit (minutes, 0: none):</source>
        <translation>时间限制（分钟，0：无）：</translation>
    </message>
    <message>
        <source>Pruner:</source>
        <translation>剪枝器：</translation>
    </message>
    <message>
        <source>Study name:</source>
        <translation>研究名称：</translation>
    </message>
    <message>
        <source>The kind of network to search; its default ranges fill the table below</source>
        <translation>要搜索的网络类型；其默认范围会填入下表</translation>
    </message>
    <message>
        <source>Each field&apos;s range: LOW..HIGH, LOW..HIGH:log (learning rates, sizes) or choices A,B,C; empty: not searched</source>
        <translation>每个字段的范围：LOW..HIGH、LOW..HIGH:log（学习率、尺寸）或选项 A,B,C；留空：不搜索</translation>
    </message>
    <message>
        <source>What a trial&apos;s value is: judged on the validation reviews, never the test set</source>
        <translation>试验目标值的含义：以验证评论评判，从不使用测试集</translation>
    </message>
    <message>
        <source>Finished trials the study should have in all, whichever machine ran them</source>
        <translation>研究总共应完成的试验数，不论由哪台机器运行</translation>
    </message>
    <message>
        <source>Start no new trial after this many minutes</source>
        <translation>超过这么多分钟后不再开始新的试验</translation>
    </message>
    <message>
        <source>Stop poor trials early, from their epochs so far</source>
        <translation>根据已完成的轮次，提前停止表现差的试验</translation>
    </message>
    <message>
        <source>Workers with one study name and one database share the search</source>
        <translation>使用同一研究名称和同一数据库的工作进程共享这次搜索</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Connect to study…</source>
        <translation>连接到研究…</translation>
    </message>
    <message>
        <source>Share a study with other machines through a database server</source>
        <translation>通过数据库服务器与其他机器共享一个研究</translation>
    </message>
    <message>
        <source>Start search</source>
        <translation>开始搜索</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the running trial after its current batch; it is kept as pruned</source>
        <translation>在当前批次后结束正在运行的试验；它将作为已剪枝保留</translation>
    </message>
    <message>
        <source>Train with best</source>
        <translation>用最佳配置训练</translation>
    </message>
    <message>
        <source>Put the best trial&apos;s configuration into the hyperparameter form</source>
        <translation>将最佳试验的配置填入超参数表单</translation>
    </message>
    <message>
        <source>The parameter the third chart plots the value against</source>
        <translation>第三个图表中与目标值对照的参数</translation>
    </message>
    <message>
        <source>Parameter to plot</source>
        <translation>要绘制的参数</translation>
    </message>
    <message>
        <source>Run trials of the study on this machine until the budget is spent</source>
        <translation>在本机运行该研究的试验，直到预算用完</translation>
    </message>
</context>
<context>
    <name>WorkspaceTabs</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>Tune</source>
        <translation>调参</translation>
    </message>
    <message>
        <source>Learning curves</source>
        <extracomment>Whose curves the chart shows, if an ensemble&apos;s member: (index from 1, count, preset name).</extracomment>
        <translation>学习曲线</translation>
    </message>
    <message>
        <source>The learning curves and the model&apos;s layers (Ctrl+1)</source>
        <translation>学习曲线和模型的各层（Ctrl+1）</translation>
    </message>
    <message>
        <source>Confusion matrix, ROC curve, threshold and the worst mistakes on the test reviews (Ctrl+2)</source>
        <translation>测试评论上的混淆矩阵、ROC 曲线、阈值和最严重的错误（Ctrl+2）</translation>
    </message>
    <message>
        <source>Every run and opened model, compared (Ctrl+3)</source>
        <translation>比较每次训练和打开过的模型（Ctrl+3）</translation>
    </message>
    <message>
        <source>Classify a file of reviews (Ctrl+4)</source>
        <translation>对一个评论文件分类（Ctrl+4）</translation>
    </message>
    <message>
        <source>Search hyperparameters with Optuna, alone or shared with other machines (Ctrl+5)</source>
        <translation>用 Optuna 搜索超参数，可单机或与其他机器共享（Ctrl+5）</translation>
    </message>
    <message>
        <source>Ensemble member {index} of {count}: {name}</source>
        <translation>集成模型成员 {index}/{count}：{name}</translation>
    </message>
    <message>
        <source>Ensemble of {count} models; curves of its last, a {name}</source>
        <translation>由 {count} 个模型组成的集成模型；曲线属于最后一个成员（{name}）</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>vocabulary size, padding and out-of-vocabulary indices included</source>
        <translation>词表大小，包括填充和未登录词的索引</translation>
    </message>
    <message>
        <source>tokens kept per review; longer reviews lose their beginning</source>
        <translation>每条评论保留的词元数；更长的评论会丢掉开头部分</translation>
    </message>
    <message>
        <source>size of each word vector</source>
        <translation>每个词向量的维度</translation>
    </message>
    <message>
        <source>Embedding size</source>
        <translation>嵌入维度</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>卷积核数</translation>
    </message>
    <message>
        <source>filters per convolutional layer: each learns one kind of phrase</source>
        <translation>每个卷积层的卷积核数：每个卷积核学习一类短语</translation>
    </message>
    <message>
        <source>Kernel size (words)</source>
        <translation>卷积核宽度（词）</translation>
    </message>
    <message>
        <source>words each filter reads at once</source>
        <translation>每个卷积核一次读取的词数</translation>
    </message>
    <message>
        <source>Convolutional layers</source>
        <translation>卷积层数</translation>
    </message>
    <message>
        <source>stacked convolutional layers, with max pooling over pairs of steps between them</source>
        <translation>堆叠的卷积层数，层间对相邻两步做最大池化</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隐藏层单元数</translation>
    </message>
    <message>
        <source>units of a hidden layer after the pooling (0: none)</source>
        <translation>池化之后隐藏层的单元数（0：不加隐藏层）</translation>
    </message>
    <message>
        <source>dropout on the word vectors and before the classifier</source>
        <translation>作用于词向量和分类器之前的 dropout</translation>
    </message>
    <message>
        <source>{layers}-layer CNN, {filters} filters of {kernel} words</source>
        <translation>{layers} 层 CNN，{filters} 个宽 {kernel} 词的卷积核</translation>
    </message>
    <message>
        <source>CNN, {filters} filters of {kernel} words</source>
        <translation>CNN，{filters} 个宽 {kernel} 词的卷积核</translation>
    </message>
    <message>
        <source>hidden {units}</source>
        <translation>隐藏层 {units}</translation>
    </message>
    <message>
        <source>Convolutional</source>
        <extracomment>Chosen on the validation split of the IMDB training set (docs/performance.md).</extracomment>
        <translation>卷积网络</translation>
    </message>
    <message>
        <source>Convolutional network</source>
        <extracomment>The Keras CNN example&apos;s knobs: word vectors, filters and the phrase length they read.</extracomment>
        <translation>卷积神经网络</translation>
    </message>
    <message>
        <source>recurrent cell</source>
        <translation>循环单元</translation>
    </message>
    <message>
        <source>Recurrent cell</source>
        <translation>循环单元</translation>
    </message>
    <message>
        <source>read the review in both directions</source>
        <translation>从两个方向读取评论</translation>
    </message>
    <message>
        <source>Bidirectional</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>stacked recurrent layers</source>
        <translation>堆叠的循环层数</translation>
    </message>
    <message>
        <source>Recurrent layers</source>
        <translation>循环层数</translation>
    </message>
    <message>
        <source>units per recurrent layer</source>
        <translation>每个循环层的单元数</translation>
    </message>
    <message>
        <source>Units per layer</source>
        <translation>每层单元数</translation>
    </message>
    <message>
        <source>dropout after each recurrent layer</source>
        <translation>每个循环层之后的 dropout 比例</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout 比例</translation>
    </message>
    <message>
        <source>Word dropout</source>
        <translation>词 dropout 比例</translation>
    </message>
    <message>
        <source>share of words made unknown in each training batch, so the model reads the whole review</source>
        <translation>每个训练批次中被替换为未知词的词语比例，使模型综合整篇评论</translation>
    </message>
    <message>
        <source>share of word-vector channels dropped in each training batch</source>
        <translation>每个训练批次中被丢弃的词向量通道比例</translation>
    </message>
    <message>
        <source>Embedding dropout</source>
        <translation>嵌入 dropout 比例</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>what the classifier sees: the last state, the max over all steps, or the max and the mean</source>
        <translation>分类器看到的内容：最后状态、所有步的最大值，或最大值与平均值</translation>
    </message>
    <message>
        <source>last state</source>
        <translation>最后状态</translation>
    </message>
    <message>
        <source>max over steps</source>
        <translation>各步最大值</translation>
    </message>
    <message>
        <source>max and mean over steps</source>
        <translation>各步最大值与平均值</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>补齐位置</translation>
    </message>
    <message>
        <source>where short reviews are padded: in front, as the tutorial does, or at the end with the padding masked, so the last state sits on the last real word</source>
        <translation>短评论在哪里补齐：像教程那样在前面补齐，或在末尾补齐并屏蔽补齐部分，使最后的状态落在最后一个真实的词上</translation>
    </message>
    <message>
        <source>front (tutorial)</source>
        <translation>前面（教程）</translation>
    </message>
    <message>
        <source>end, masked</source>
        <translation>末尾，带掩码</translation>
    </message>
    <message>
        <source>Padding at the end (masked) reads the last state: set pooling to &apos;last&apos;, or pad in front.</source>
        <translation>末尾补齐（带掩码）读取最后的状态：请把池化设为“last”，或改为在前面补齐。</translation>
    </message>
    <message>
        <source>Bidirectional {cell}</source>
        <translation>双向 {cell}</translation>
    </message>
    <message>
        <source>{layers}x {name}</source>
        <translation>{layers} 层 {name}</translation>
    </message>
    <message>
        <source>{name}, {units} units</source>
        <translation>{name}，{units} 个单元</translation>
    </message>
    <message>
        <source>masked</source>
        <translation>带掩码</translation>
    </message>
    <message>
        <source>dropout {dropout:g}</source>
        <translation>dropout {dropout:g}</translation>
    </message>
    <message>
        <source>Recurrent network</source>
        <extracomment>What the tutorial asks the reader to tune (embedding size, units, batch size, optimizer), plus the learning rate and dropout.</extracomment>
        <translation>循环神经网络</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>The common fields the form and ``--help`` show before the family&apos;s own. How the parts of a description are joined (&quot;LSTM, 32 units, early stopping&quot;).</extracomment>
        <translation>，</translation>
    </message>
    <message>
        <source>Vocabulary size</source>
        <extracomment>The model family (:data:`core.models.families.FAMILIES`); ``model`` holds its fields. The family&apos;s own config; None means the family&apos;s defaults.</extracomment>
        <translation>词表大小</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>clip the norm of each gradient step to this (0: off); steadies recurrent training</source>
        <translation>将每步梯度的范数裁剪到此值（0：关闭）；使循环网络训练更稳定</translation>
    </message>
    <message>
        <source>Clipnorm</source>
        <translation>梯度裁剪范数</translation>
    </message>
    <message>
        <source>passes over the training data</source>
        <translation>遍历训练数据的次数</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>reviews per gradient step</source>
        <translation>每个梯度步的评论数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>fraction of the training reviews held out for validation</source>
        <translation>留作验证的训练评论比例</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>stop when the validation loss stops improving</source>
        <translation>验证损失不再改善时停止</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>epochs without improvement before early stopping</source>
        <translation>提前停止前允许的无改善轮数</translation>
    </message>
    <message>
        <source>Patience (epochs)</source>
        <translation>耐心值（轮）</translation>
    </message>
    <message>
        <source>smallest fall of the validation loss that early stopping counts as an improvement</source>
        <translation>提前停止视为改善的验证损失最小降幅</translation>
    </message>
    <message>
        <source>Min. improvement</source>
        <translation>最小改善量</translation>
    </message>
    <message>
        <source>with early stopping, keep the weights of the best validation epoch</source>
        <translation>提前停止时，保留验证效果最佳一轮的权重</translation>
    </message>
    <message>
        <source>Restore best weights</source>
        <translation>恢复最佳权重</translation>
    </message>
    <message>
        <source>keep a moving average of the weights with this momentum; validation and the saved model use it (0: off)</source>
        <translation>以此动量保持权重的滑动平均；验证和保存的模型都使用它（0：关闭）</translation>
    </message>
    <message>
        <source>Weight averaging (EMA)</source>
        <translation>权重平均（EMA）</translation>
    </message>
    <message>
        <source>compile the training step with XLA (ignored where cuDNN runs the recurrent layers)</source>
        <translation>用 XLA 编译训练步（由 cuDNN 运行循环层时忽略）</translation>
    </message>
    <message>
        <source>JIT compile (XLA)</source>
        <translation>JIT 编译 (XLA)</translation>
    </message>
    <message>
        <source>batch reviews of similar length and skip their shared padding</source>
        <translation>将长度相近的评论放在同一批，并跳过它们共有的填充</translation>
    </message>
    <message>
        <source>Bucket by length</source>
        <translation>按长度分桶</translation>
    </message>
    <message>
        <source>random seed for the split, the shuffling and the initial weights</source>
        <translation>用于数据划分、打乱和初始权重的随机种子</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>model must hold the fields of the {family} family, not {value!r}.</source>
        <translation>model 必须包含 {family} 类型的字段，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>early stopping</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>{name} must be true or false, not {value!r}.</source>
        <translation>{name} 必须为 true 或 false，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>{name} must be one of {options}, not {value!r}.</source>
        <translation>{name} 必须是 {options} 之一，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>{name} must be a whole number from {low:g} to {high:g}, not {value!r}.</source>
        <translation>{name} 必须是 {low:g} 到 {high:g} 之间的整数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>{name} must be a number from {low:g} to {high:g}, not {value!r}.</source>
        <translation>{name} 必须是 {low:g} 到 {high:g} 之间的数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>{name} must be from {low:g} to {high:g}; got {value!r}.</source>
        <translation>{name} 必须在 {low:g} 到 {high:g} 之间；当前为 {value!r}。</translation>
    </message>
    <message>
        <source>early_stopping needs validation data: set validation_split above 0.</source>
        <translation>early_stopping 需要验证数据：请将 validation_split 设为大于 0。</translation>
    </message>
    <message>
        <source>A configuration must be a JSON object of field names and values.</source>
        <translation>配置必须是一个由字段名和值组成的 JSON 对象。</translation>
    </message>
    <message>
        <source>model must be a JSON object of the {family} family&apos;s fields.</source>
        <translation>model 必须是由 {family} 类型的字段组成的 JSON 对象。</translation>
    </message>
    <message>
        <source>Unknown configuration field(s): {fields}.</source>
        <translation>未知的配置字段：{fields}。</translation>
    </message>
    <message>
        <source>The configuration is not valid JSON: {reason}.</source>
        <translation>配置不是有效的 JSON：{reason}。</translation>
    </message>
    <message>
        <source>Tutorial LSTM</source>
        <extracomment>Named starting points offered by the GUI and the CLI. Each maps to the fields it changes from the tutorial&apos;s defaults.</extracomment>
        <translation>教程 LSTM</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>Bidirectional LSTM</source>
        <translation>双向 LSTM</translation>
    </message>
    <message>
        <source>Stacked LSTM (2 layers)</source>
        <translation>堆叠 LSTM（2 层）</translation>
    </message>
    <message>
        <source>Masked LSTM</source>
        <translation>带掩码的 LSTM</translation>
    </message>
    <message>
        <source>Regularised</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>快速</translation>
    </message>
    <message>
        <source>Bag of n-grams + Convolutional</source>
        <extracomment>The members a run trains, by the ``members`` choice: preset names, in training order. &quot;combined&quot; is an ensemble of models trained before (it trains nothing).</extracomment>
        <translation>n 元组词袋 + 卷积网络</translation>
    </message>
    <message>
        <source>Bag of n-grams + Masked LSTM</source>
        <translation>n 元组词袋 + 带掩码的 LSTM</translation>
    </message>
    <message>
        <source>Bag of n-grams + Convolutional + Masked LSTM</source>
        <translation>n 元组词袋 + 卷积网络 + 带掩码的 LSTM</translation>
    </message>
    <message>
        <source>trained models, combined</source>
        <translation>已训练的模型的组合</translation>
    </message>
    <message>
        <source>Members</source>
        <extracomment>The common fields a run of this family uses; the members take the rest from their presets.</extracomment>
        <translation>成员</translation>
    </message>
    <message>
        <source>the models trained in turn, each with its own preset, then averaged</source>
        <translation>依次训练的模型，各用自己的预设，然后取平均</translation>
    </message>
    <message>
        <source>An ensemble is not built as one network: train it (its members are trained in turn) or combine trained models.</source>
        <translation>集成模型不是作为一个网络构建的：请训练它（其成员会依次训练），或组合已训练的模型。</translation>
    </message>
    <message>
        <source>Best accuracy</source>
        <extracomment>The members chosen on the validation accuracy of their weighted mean (docs/performance.md).</extracomment>
        <translation>最佳准确率</translation>
    </message>
    <message>
        <source>Ensemble</source>
        <translation>集成模型</translation>
    </message>
    <message>
        <source>Unknown preset {name!r}; choose one of: {presets}.</source>
        <extracomment>Named starting points offered by the GUI and the CLI, from every family in the registry: each maps to its family and the fields it changes from the defaults, written flat (``TrainingConfig.from_dict`` reads them).</extracomment>
        <translation>未知的预设 {name!r}；请从以下选择：{presets}。</translation>
    </message>
    <message>
        <source>The data path {path!r} does not exist. Choose the aclImdb folder or its .tar.gz, a CSV file, a folder with pos/ and neg/, or leave the path empty to download the dataset.</source>
        <extracomment>The environment variable naming a local copy to use.</extracomment>
        <translation>数据路径 {path!r} 不存在。请选择 aclImdb 文件夹或其 .tar.gz、一个 CSV 文件、一个含 pos/ 和 neg/ 的文件夹，或将路径留空以下载数据集。</translation>
    </message>
    <message>
        <source>file {name}</source>
        <extracomment>Reads one labelled file: ``(path, options, progress) -&gt; (texts, labels, undecodable)``.</extracomment>
        <translation>文件 {name}</translation>
    </message>
    <message>
        <source>folder {name}</source>
        <translation>文件夹 {name}</translation>
    </message>
    <message>
        <source>The test data path {path!r} does not exist.</source>
        <translation>测试数据路径 {path!r} 不存在。</translation>
    </message>
    <message>
        <source>test data</source>
        <translation>测试数据</translation>
    </message>
    <message>
        <source>IMDB reviews: local aclImdb copy (folder or .tar.gz)</source>
        <translation>IMDB 评论：本地 aclImdb 副本（文件夹或 .tar.gz）</translation>
    </message>
    <message>
        <source>aclImdb folder or aclImdb_v1.tar.gz</source>
        <translation>aclImdb 文件夹或 aclImdb_v1.tar.gz</translation>
    </message>
    <message>
        <source>Choose the .tar.gz archive</source>
        <translation>选择 .tar.gz 压缩包</translation>
    </message>
    <message>
        <source>Choose the IMDB archive</source>
        <translation>选择 IMDB 压缩包</translation>
    </message>
    <message>
        <source>IMDB archive</source>
        <translation>IMDB 压缩包</translation>
    </message>
    <message>
        <source>Choose the unpacked aclImdb folder</source>
        <translation>选择解压后的 aclImdb 文件夹</translation>
    </message>
    <message>
        <source>Choose the aclImdb folder</source>
        <translation>选择 aclImdb 文件夹</translation>
    </message>
    <message>
        <source>IMDB reviews: download (84 MB, once, into the Keras cache)</source>
        <translation>IMDB 评论：下载（84 MB，仅一次，存入 Keras 缓存）</translation>
    </message>
    <message>
        <source>Stanford&apos;s aclImdb_v1.tar.gz: 25,000 reviews to train, 25,000 to test.</source>
        <translation>斯坦福的 aclImdb_v1.tar.gz：25,000 条评论用于训练，25,000 条用于测试。</translation>
    </message>
    <message>
        <source>The IMDB archive (84 MB)</source>
        <translation>IMDB 压缩包（84 MB）</translation>
    </message>
    <message>
        <source>The folder {path!r} is not in the aclImdb layout: it has no {missing} folder. Choose the folder that holds train/ and test/, each with pos/ and neg/.</source>
        <translation>文件夹 {path!r} 不是 aclImdb 的目录结构：缺少 {missing} 文件夹。请选择包含 train/ 和 test/（各自含 pos/ 和 neg/）的文件夹。</translation>
    </message>
    <message>
        <source>The archive {path!r} cannot be read ({reason}). It may be truncated or not a .tar.gz: download it again or choose the unpacked aclImdb folder.</source>
        <translation>无法读取压缩包 {path!r}（{reason}）。它可能不完整或不是 .tar.gz：请重新下载，或选择解压后的 aclImdb 文件夹。</translation>
    </message>
    <message>
        <source>The dataset has no reviews in {split}/{cls}/. Each of train/ and test/ needs both pos/ and neg/ reviews, one per .txt file.</source>
        <translation>数据集的 {split}/{cls}/ 中没有评论。train/ 和 test/ 都需要 pos/ 和 neg/ 评论，每个 .txt 文件一条。</translation>
    </message>
    <message>
        <source>The download of {url} is damaged: its SHA-256 is not the published one. Try again, or choose a local copy.</source>
        <extracomment>Stanford&apos;s archive, the source of keras.datasets.imdb. The published SHA-256 of Stanford&apos;s archive (84,125,825 bytes), as TFDS and other loaders record it. The environment variable naming another download address. The SHA-256 of the archive at that other address; never consulted for Stanford&apos;s own. The word that asks for the download instead of a local copy.</extracomment>
        <translation>从 {url} 下载的文件已损坏：其 SHA-256 与公布的不符。请重试，或选择本地副本。</translation>
    </message>
    <message>
        <source>The download of {url} stopped at {done:,} of {total:,} bytes. Try again.</source>
        <translation>从 {url} 下载时在 {done:,} / {total:,} 字节处中断。请重试。</translation>
    </message>
    <message>
        <source>Could not download the IMDB dataset from {url} ({reason}). Check the internet connection, or choose a local copy (the aclImdb folder or its .tar.gz).</source>
        <translation>无法从 {url} 下载 IMDB 数据集（{reason}）。请检查网络连接，或选择本地副本（aclImdb 文件夹或其 .tar.gz）。</translation>
    </message>
    <message>
        <source>No model file at {path!r}. Check the path.</source>
        <translation>{path!r} 处没有模型文件。请检查路径。</translation>
    </message>
    <message>
        <source>{path!r} is a folder, not a .keras model file.</source>
        <translation>{path!r} 是一个文件夹，不是 .keras 模型文件。</translation>
    </message>
    <message>
        <source>{name} is truncated or damaged (its zip directory is missing); it cannot be opened.</source>
        <translation>{name} 不完整或已损坏（缺少 zip 目录）；无法打开。</translation>
    </message>
    <message>
        <source>{name} is not a .keras model file (it is not a zip archive).</source>
        <translation>{name} 不是 .keras 模型文件（不是 zip 压缩包）。</translation>
    </message>
    <message>
        <source>{name} is not a Keras model file: it has no config.json.</source>
        <translation>{name} 不是 Keras 模型文件：其中没有 config.json。</translation>
    </message>
    <message>
        <source>{name} is damaged or truncated ({reason}); it cannot be opened.</source>
        <translation>{name} 已损坏或不完整（{reason}）；无法打开。</translation>
    </message>
    <message>
        <source>{name} was refused: it contains {what}, which this app never saves; nothing from it was run.</source>
        <translation>已拒绝 {name}：它包含 {what}，而本应用从不保存此类内容；其中的任何内容都未运行。</translation>
    </message>
    <message>
        <source>{name} is not a model made by this app; it has no vocabulary.</source>
        <translation>{name} 不是本应用生成的模型；其中没有词表。</translation>
    </message>
    <message>
        <source>{name} was refused: its entry {entry!r} points outside the archive&apos;s folder; nothing from it was run.</source>
        <translation>已拒绝 {name}：其中的条目 {entry!r} 指向压缩包所在文件夹之外；其中的任何内容都未运行。</translation>
    </message>
    <message>
        <source>{name} was refused: it holds two entries named {entry!r}; nothing from it was run.</source>
        <translation>已拒绝 {name}：其中有两个名为 {entry!r} 的条目；其中的任何内容都未运行。</translation>
    </message>
    <message>
        <source>{name} is damaged: its {entry} is not valid JSON.</source>
        <translation>{name} 已损坏：其中的 {entry} 不是有效的 JSON。</translation>
    </message>
    <message>
        <source>{name} was written in a format this version does not read ({format!r}).</source>
        <translation>{name} 的格式是此版本无法读取的（{format!r}）。</translation>
    </message>
    <message>
        <source>A model file must end in .keras; {name!r} does not.</source>
        <extracomment>Temporary files of a save end so; ``remove_stale_partials`` knows them by it. A temporary file older than this belongs to a save that was killed. Per-review test results, for the evaluation view (None until evaluated). Accuracy on the short reviews we wrote (``core.insight.short_reviews``): {&quot;accuracy&quot;, &quot;count&quot;}, or None.</extracomment>
        <translation>模型文件必须以 .keras 结尾；{name!r} 不是。</translation>
    </message>
    <message>
        <source>Cannot save to {path!r}: the folder {folder!r} does not exist.</source>
        <translation>无法保存到 {path!r}：文件夹 {folder!r} 不存在。</translation>
    </message>
    <message>
        <source>Could not save the model to {path!r}: {reason}. Choose a folder you can write to with free space; any file already there is unchanged.</source>
        <translation>无法将模型保存到 {path!r}：{reason}。请选择一个可写且有剩余空间的文件夹；原有文件保持不变。</translation>
    </message>
    <message>
        <source>An ensemble needs two or more models; {count} given.</source>
        <translation>集成模型需要两个或更多模型；只给了 {count} 个。</translation>
    </message>
    <message>
        <source>An ensemble cannot hold another ensemble: combine the models it was made of instead.</source>
        <translation>集成模型不能包含另一个集成模型：请改为组合构成它的那些模型。</translation>
    </message>
    <message>
        <source>An ensemble of {count} models needs {count} weights, not {given}.</source>
        <translation>由 {count} 个模型组成的集成模型需要 {count} 个权重，而不是 {given} 个。</translation>
    </message>
    <message>
        <source>{name} has an invalid training configuration: {reason}</source>
        <extracomment>Each member&apos;s share of the mean (they sum to 1); equal unless chosen on validation data.</extracomment>
        <translation>{name} 的训练配置无效：{reason}</translation>
    </message>
    <message>
        <source>{name} was refused by Keras&apos;s safe mode: it contains code, and nothing from it was run.</source>
        <translation>{name} 被 Keras 的安全模式拒绝：它包含代码，其中的任何内容都未运行。</translation>
    </message>
    <message>
        <source>{name} was refused: it contains a layer or object this app does not know, and nothing from it was run.</source>
        <translation>已拒绝 {name}：它包含本应用不认识的层或对象，其中的任何内容都未运行。</translation>
    </message>
    <message>
        <source>{name} could not be loaded: {reason}</source>
        <translation>无法加载 {name}：{reason}</translation>
    </message>
    <message>
        <source>test_fraction must be between 0 and 1 (exclusive); got {value!r}.</source>
        <translation>test_fraction 必须介于 0 和 1 之间（不含端点）；当前为 {value!r}。</translation>
    </message>
    <message>
        <source>The {what} has no reviews.</source>
        <translation>{what}中没有评论。</translation>
    </message>
    <message>
        <source>The {what} has only positive reviews; a classifier needs both positive and negative ones.</source>
        <translation>{what}中只有正面评论；分类器需要正面和负面两类评论。</translation>
    </message>
    <message>
        <source>The {what} has only negative reviews; a classifier needs both positive and negative ones.</source>
        <translation>{what}中只有负面评论；分类器需要正面和负面两类评论。</translation>
    </message>
    <message>
        <source>{name}: choose the label column (the columns are {columns}).</source>
        <translation>{name}：请选择标签列（现有列为 {columns}）。</translation>
    </message>
    <message>
        <source>The folder {path!r} has no {missing} subfolder; put positive reviews in pos/ and negative ones in neg/, one per .txt file.</source>
        <translation>文件夹 {path!r} 中没有 {missing} 子文件夹；请将正面评论放入 pos/，负面评论放入 neg/，每个 .txt 文件一条。</translation>
    </message>
    <message>
        <source>Keras&apos;s IMDB dataset (keras.datasets.imdb)</source>
        <extracomment>The word that asks for Keras&apos;s own IMDB arrays (keras.datasets.imdb). Stands where Keras&apos;s arrays have their out-of-vocabulary mark (2). It is never put in the vocabulary, so it vectorises to our OOV index, exactly as an unknown word in a typed review does.</extracomment>
        <translation>Keras 的 IMDB 数据集 (keras.datasets.imdb)</translation>
    </message>
    <message>
        <source>The tutorial&apos;s keras.datasets.imdb, decoded back to words. Needs the internet on first use.</source>
        <translation>教程所用的 keras.datasets.imdb，解码回单词。首次使用需要联网。</translation>
    </message>
    <message>
        <source>Keras&apos;s IMDB dataset</source>
        <translation>Keras 的 IMDB 数据集</translation>
    </message>
    <message>
        <source>Keras&apos;s IMDB dataset is not cached and could not be downloaded ({reason}). It needs the internet on first use; the aclImdb archive, CSV and folder sources work offline.</source>
        <translation>Keras 的 IMDB 数据集尚未缓存，且无法下载（{reason}）。首次使用需要联网；aclImdb 压缩包、CSV 和文件夹数据源可离线使用。</translation>
    </message>
    <message>
        <source>Keras&apos;s IMDB files cannot be read ({reason}); delete them from the Keras cache to fetch them again.</source>
        <translation>无法读取 Keras 的 IMDB 文件（{reason}）；请从 Keras 缓存中删除它们以重新获取。</translation>
    </message>
    <message>
        <source>{where}: the label {value!r} is not one of 0/1, pos/neg, positive/negative or true/false.</source>
        <extracomment>The endings of a table; a tab separates a .tsv&apos;s or .tab&apos;s columns, a comma a .csv&apos;s.</extracomment>
        <translation>{where}：标签 {value!r} 不是 0/1、pos/neg、positive/negative 或 true/false 之一。</translation>
    </message>
    <message>
        <source>No file at {path!r}. Check the path.</source>
        <translation>{path!r} 处没有文件。请检查路径。</translation>
    </message>
    <message>
        <source>{path!r} is a folder; choose a .txt, .csv or .tsv file.</source>
        <translation>{path!r} 是一个文件夹；请选择 .txt、.csv 或 .tsv 文件。</translation>
    </message>
    <message>
        <source>{name} is plain text, which has no columns; use a CSV for labels.</source>
        <translation>{name} 是纯文本，没有列；要使用标签请用 CSV。</translation>
    </message>
    <message>
        <source>{name} has no reviews: it is empty or only blank lines.</source>
        <translation>{name} 中没有评论：文件为空或只有空行。</translation>
    </message>
    <message>
        <source>{name}: choose the text column (the columns are {columns}).</source>
        <extracomment>Rows read at a time; progress is reported after each batch.</extracomment>
        <translation>{name}：请选择文本列（现有列为 {columns}）。</translation>
    </message>
    <message>
        <source>{name} has no rows.</source>
        <translation>{name} 没有任何行。</translation>
    </message>
    <message>
        <source>Your reviews: a Parquet file</source>
        <translation>你的评论：Parquet 文件</translation>
    </message>
    <message>
        <source>a .parquet file with a text and a label column</source>
        <translation>含文本列和标签列的 .parquet 文件</translation>
    </message>
    <message>
        <source>Choose the Parquet file</source>
        <translation>选择 Parquet 文件</translation>
    </message>
    <message>
        <source>Choose a Parquet file</source>
        <translation>选择一个 Parquet 文件</translation>
    </message>
    <message>
        <source>Parquet files</source>
        <translation>Parquet 文件</translation>
    </message>
    <message>
        <source>Reading Parquet files needs pyarrow, which is not installed: pip install pyarrow (in a checkout: pip install -e &quot;.[parquet]&quot;).</source>
        <translation>读取 Parquet 文件需要 pyarrow，但尚未安装：请运行 pip install pyarrow（在源码目录中：pip install -e &quot;.[parquet]&quot;）。</translation>
    </message>
    <message>
        <source>{name} cannot be read as a Parquet file ({reason}).</source>
        <translation>无法将 {name} 作为 Parquet 文件读取（{reason}）。</translation>
    </message>
    <message>
        <source>{name} has no column {wanted!r}; its columns are {columns}.</source>
        <translation>{name} 中没有列 {wanted!r}；现有列为 {columns}。</translation>
    </message>
    <message>
        <source>{name}, line {line}: the row has {count} field(s), too few for the {column!r} column.</source>
        <translation>{name} 第 {line} 行：该行只有 {count} 个字段，不足以包含 {column!r} 列。</translation>
    </message>
    <message>
        <source>{name} has a header but no rows.</source>
        <translation>{name} 有表头但没有数据行。</translation>
    </message>
    <message>
        <source>Could not write {path!r}: {reason}.</source>
        <translation>无法写入 {path!r}：{reason}。</translation>
    </message>
    <message>
        <source>Training diverged at epoch {epoch}, batch {batch}: the loss became NaN or infinite. Lower the learning rate (now {learning_rate:g}) and train again.</source>
        <extracomment>Whether each epoch ends with a validation (and has ``val_*`` logs).</extracomment>
        <translation>训练在第 {epoch} 轮第 {batch} 批发散：损失变为 NaN 或无穷大。请降低学习率（当前为 {learning_rate:g}）后重新训练。</translation>
    </message>
    <message>
        <source>This ensemble trains no members: choose members to train, or combine trained models in the Runs tab or with the ensemble command.</source>
        <translation>这个集成模型没有要训练的成员：请选择要训练的成员，或在“训练记录”页或用 ensemble 命令组合已训练的模型。</translation>
    </message>
    <message>
        <source>Out of memory reading {source}. Choose a smaller file.</source>
        <extracomment>Rows of a table shown in the panel&apos;s preview. The choice with the CSV columns filled in from the preview&apos;s guess.</extracomment>
        <translation>读取 {source} 时内存不足。请选择较小的文件。</translation>
    </message>
    <message>
        <source>Unexpected error reading the data ({kind}): {reason}</source>
        <translation>读取数据时发生意外错误（{kind}）：{reason}</translation>
    </message>
    <message>
        <source>{name} is empty: a CSV needs a header row naming its columns.</source>
        <extracomment>Byte sequences that were not valid UTF-8, read as U+FFFD.</extracomment>
        <translation>{name} 为空：CSV 需要一行表头来命名各列。</translation>
    </message>
    <message>
        <source>Unknown model family {name!r}; choose one of: {families}.</source>
        <extracomment>The families by name, in the order the form and ``--help`` list them; the first is the default.</extracomment>
        <translation>未知的模型类型 {name!r}；请从以下选择：{families}。</translation>
    </message>
    <message>
        <source>Your reviews: a folder with pos/ and neg/</source>
        <translation>你的评论：含 pos/ 和 neg/ 的文件夹</translation>
    </message>
    <message>
        <source>a folder with pos/ and neg/ subfolders of .txt files</source>
        <translation>含 pos/ 和 neg/ 子文件夹（内为 .txt 文件）的文件夹</translation>
    </message>
    <message>
        <source>Choose the folder holding pos/ and neg/</source>
        <translation>选择包含 pos/ 和 neg/ 的文件夹</translation>
    </message>
    <message>
        <source>Choose the folder with pos/ and neg/</source>
        <translation>选择含 pos/ 和 neg/ 的文件夹</translation>
    </message>
    <message>
        <source>Your reviews: a CSV or TSV file</source>
        <translation>你的评论：CSV 或 TSV 文件</translation>
    </message>
    <message>
        <source>a .csv or .tsv file with a header row</source>
        <translation>带表头的 .csv 或 .tsv 文件</translation>
    </message>
    <message>
        <source>Choose the CSV or TSV file</source>
        <translation>选择 CSV 或 TSV 文件</translation>
    </message>
    <message>
        <source>Choose a CSV or TSV file</source>
        <translation>选择 CSV 或 TSV 文件</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>{path!r} is a folder; give a file name for the model card, such as card.md.</source>
        <translation>{path!r} 是一个文件夹；请为模型卡片给出文件名，例如 card.md。</translation>
    </message>
    <message>
        <source>Could not write the model card to {path!r}: {reason}. Choose a folder you can write to.</source>
        <translation>无法将模型卡片写入 {path!r}：{reason}。请选择一个可写入的文件夹。</translation>
    </message>
    <message>
        <source>{path!r} already exists and is not an empty folder. Choose a new folder: TensorFlow Serving reads each version of a model from its own numbered folder, such as sentiment/1, sentiment/2.</source>
        <translation>{path!r} 已存在且不是空文件夹。请选择一个新文件夹：TensorFlow Serving 从各自编号的文件夹读取模型的每个版本，例如 sentiment/1、sentiment/2。</translation>
    </message>
    <message>
        <source>Could not write the SavedModel to {path!r}: {reason}. Choose a folder you can write to, with free space.</source>
        <translation>无法将 SavedModel 写入 {path!r}：{reason}。请选择一个可写入且有剩余空间的文件夹。</translation>
    </message>
    <message>
        <source>The model {name!r} cannot be exported for serving: it must read raw review text and give one probability per review.</source>
        <translation>模型 {name!r} 无法导出用于部署服务：它必须读取原始评论文本，并为每条评论给出一个概率。</translation>
    </message>
    <message>
        <source>The exported SavedModel does not give the model&apos;s probabilities (largest difference {difference:.2g}); nothing was written. Please report this with the model file.</source>
        <translation>导出的 SavedModel 给出的概率与模型不一致（最大差值 {difference:.2g}）；未写入任何内容。请附上模型文件报告此问题。</translation>
    </message>
    <message>
        <source>an object reference that is not a plain name</source>
        <extracomment>The text layers a model of ours starts with: one of them makes a file ours. Every Keras class a model file of ours may name. Keras functions a file may reference by module and name (activations, losses, metrics). Plain data that Keras rebuilds without looking anything up. Keys whose string value Keras resolves to an object by name (``&quot;activation&quot;: &quot;tanh&quot;``).</extracomment>
        <translation>一个不是普通名称的对象引用</translation>
    </message>
    <message>
        <source>a Python lambda (saved bytecode)</source>
        <translation>一个 Python lambda（保存的字节码）</translation>
    </message>
    <message>
        <source>a function reference that is not a plain name</source>
        <translation>一个不是普通名称的函数引用</translation>
    </message>
    <message>
        <source>a JSON object</source>
        <translation>一个 JSON 对象</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>一个数字</translation>
    </message>
    <message>
        <source>a list of numbers</source>
        <translation>一个数字列表</translation>
    </message>
    <message>
        <source>a number from 0 to 1</source>
        <translation>0 到 1 之间的数字</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a whole number, 0 or more</source>
        <translation>大于等于 0 的整数</translation>
    </message>
    <message>
        <source>a whole number, 1 or more</source>
        <translation>大于等于 1 的整数</translation>
    </message>
    <message>
        <source>a whole number, 1 or more, or null</source>
        <translation>大于等于 1 的整数，或 null</translation>
    </message>
    <message>
        <source>0 or 1</source>
        <translation>0 或 1</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>一个列表</translation>
    </message>
    <message>
        <source>two rows of two whole numbers, 0 or more</source>
        <translation>两行、每行两个大于等于 0 的整数</translation>
    </message>
    <message>
        <source>text, a number, true, false or null</source>
        <translation>文本、数字、true、false 或 null</translation>
    </message>
    <message>
        <source>a list as long as test_predictions.labels</source>
        <translation>与 test_predictions.labels 等长的列表</translation>
    </message>
    <message>
        <source>{name} is damaged: its studio.json has no {field}.</source>
        <translation>{name} 已损坏：其 studio.json 中没有 {field}。</translation>
    </message>
    <message>
        <source>{name} is damaged: in its studio.json, {field} must be {expected}, not {found}.</source>
        <translation>{name} 已损坏：其 studio.json 中的 {field} 必须是{expected}，而不是 {found}。</translation>
    </message>
    <message>
        <source>Longest n-gram</source>
        <translation>最长 n 元组</translation>
    </message>
    <message>
        <source>word runs counted: 1 words, 2 adds pairs of words, 3 adds triples</source>
        <translation>统计的连续词组：1 为单词，2 加上相邻两词，3 再加上相邻三词</translation>
    </message>
    <message>
        <source>Hash bits</source>
        <translation>哈希位数</translation>
    </message>
    <message>
        <source>n-grams are hashed into 2^bits ids; more bits, fewer collisions, more memory</source>
        <translation>n 元组被哈希到 2^位数 个编号；位数越多，冲突越少，内存越多</translation>
    </message>
    <message>
        <source>Weighting</source>
        <translation>加权方式</translation>
    </message>
    <message>
        <source>each n-gram&apos;s fixed weight: its Naive Bayes log-count ratio on the training reviews, or 1</source>
        <translation>每个 n 元组的固定权重：其在训练评论上的朴素贝叶斯对数计数比，或 1</translation>
    </message>
    <message>
        <source>Naive Bayes log-count ratio</source>
        <translation>朴素贝叶斯对数计数比</translation>
    </message>
    <message>
        <source>binary (present or not)</source>
        <translation>二值（出现与否）</translation>
    </message>
    <message>
        <source>1: a linear model on the n-grams (logistic regression); more: learned n-gram vectors, summed (fastText)</source>
        <translation>1：基于 n 元组的线性模型（逻辑回归）；更大：学习 n 元组向量并求和（fastText）</translation>
    </message>
    <message>
        <source>dropout on the review&apos;s vector (embedding size above 1)</source>
        <translation>作用于评论向量的 dropout（嵌入维度大于 1 时）</translation>
    </message>
    <message>
        <source>Bag of {grams}-grams</source>
        <translation>{grams} 元组词袋</translation>
    </message>
    <message>
        <source>NB-weighted</source>
        <translation>朴素贝叶斯加权</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>{dim}-d vectors</source>
        <translation>{dim} 维向量</translation>
    </message>
    <message>
        <source>Bag of n-grams</source>
        <extracomment>Chosen on the validation split of the IMDB training set (docs/performance.md).
----------
Around the preset: a linear model or small summed vectors, and a learning rate several times the recurrent one (one weight per n-gram, updated rarely). Hash bits stay at 20: 2^22 ids times 32-d vectors would not fit in memory.</extracomment>
        <translation>n 元组词袋</translation>
    </message>
    <message>
        <source>--devices must be a whole number of at least 1, not {devices!r}.</source>
        <translation>--devices 必须是不小于 1 的整数，而不是 {devices!r}。</translation>
    </message>
    <message>
        <source>--devices {devices}: this machine has {gpus} GPU(s); give at most that many, or 1.</source>
        <translation>--devices {devices}：本机有 {gpus} 个 GPU；请给出不超过该数的值，或 1。</translation>
    </message>
    <message>
        <source>best validation accuracy</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <source>lowest validation loss</source>
        <translation>最低验证损失</translation>
    </message>
    <message>
        <source>Median</source>
        <extracomment>The pruners by name (built in :mod:`core.tuning.search`).</extracomment>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Successive halving</source>
        <translation>逐次减半</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Study {study!r} was made on other data ({recorded}); this worker has {mine}. Give the study&apos;s data, or a new study name.</source>
        <extracomment>The study user attribute holding the fingerprint.</extracomment>
        <translation>研究 {study!r} 建立在其他数据上（{recorded}）；此工作进程的数据为 {mine}。请使用该研究的数据，或换一个新的研究名称。</translation>
    </message>
    <message>
        <source>Unknown pruner {name!r}; choose one of: {names}.</source>
        <extracomment>The pruners a search may use, by name: the median of earlier trials at the same epoch, or successive halving (only the best third of the trials that reached an epoch go on from it).</extracomment>
        <translation>未知的剪枝器 {name!r}；请从以下选择：{names}。</translation>
    </message>
    <message>
        <source>--trials must be at least 1, not {trials}.</source>
        <extracomment>Finished trials the study should have in all (None: no limit); seconds after which no trial starts. Each trial&apos;s TensorBoard logs go to ``log_dir/trial-&lt;number&gt;``, if given. Called while this worker waits for other workers&apos; last trials: (running trials). Seconds between looks at the study while waiting.</extracomment>
        <translation>--trials 至少为 1，而不是 {trials}。</translation>
    </message>
    <message>
        <source>Study {name!r} has no completed trial yet.</source>
        <translation>研究 {name!r} 还没有已完成的试验。</translation>
    </message>
    <message>
        <source>The {family} family has no search space: tune the families of its members, then combine them.</source>
        <translation>{family} 模型族没有搜索空间：请分别调优其成员所属的模型族，再把它们组合起来。</translation>
    </message>
    <message>
        <source>A search space must name at least one field to vary, as a JSON object of field: spec.</source>
        <translation>搜索空间必须至少指定一个要变化的字段，格式为“字段: 规格”的 JSON 对象。</translation>
    </message>
    <message>
        <source>The {family} family has no field {name!r} to search.</source>
        <translation>{family} 类型没有可搜索的字段 {name!r}。</translation>
    </message>
    <message>
        <source>{name}: {value!r} is not a value this field takes.</source>
        <translation>{name}：{value!r} 不是该字段可取的值。</translation>
    </message>
    <message>
        <source>{name}: the choices repeat a value.</source>
        <translation>{name}：选项中有重复的值。</translation>
    </message>
    <message>
        <source>{name}: the range {low!r} to {high!r} must rise and lie within {first:g} to {last:g}.</source>
        <translation>{name}：范围 {low!r} 到 {high!r} 必须递增，且位于 {first:g} 到 {last:g} 之间。</translation>
    </message>
    <message>
        <source>{name}: a log-scale range must start above 0, not at {low!r}.</source>
        <translation>{name}：对数刻度的范围必须从大于 0 处开始，而不是 {low!r}。</translation>
    </message>
    <message>
        <source>{name}: a spec is {{&quot;low&quot;: L, &quot;high&quot;: H, &quot;log&quot;: false}} for a number, or {{&quot;choices&quot;: [...]}}; got {spec!r}.</source>
        <translation>{name}：数值的规格为 {{&quot;low&quot;: L, &quot;high&quot;: H, &quot;log&quot;: false}}，或 {{&quot;choices&quot;: [...]}}；得到的是 {spec!r}。</translation>
    </message>
    <message>
        <source>--param {text!r}: write NAME=LOW..HIGH, NAME=LOW..HIGH:log or NAME=A,B,C with a field of the {family} family.</source>
        <translation>--param {text!r}：请写成 NAME=LOW..HIGH、NAME=LOW..HIGH:log 或 NAME=A,B,C，其中 NAME 是 {family} 类型的字段。</translation>
    </message>
    <message>
        <source>--param {text!r}: {value!r} is not a number.</source>
        <translation>--param {text!r}：{value!r} 不是数字。</translation>
    </message>
    <message>
        <source>--param {text!r}: {value!r} is not true or false.</source>
        <translation>--param {text!r}：{value!r} 不是 true 或 false。</translation>
    </message>
    <message>
        <source>The database driver {module!r} for {url} is not installed: pip install &apos;imdb-sentiment-studio[cluster]&apos;.</source>
        <extracomment>Seconds between a running trial&apos;s heartbeats, and how old the last may be before the trial counts as dead. How often a dead worker&apos;s trial is run again.</extracomment>
        <translation>{url} 所需的数据库驱动 {module!r} 未安装：pip install &apos;imdb-sentiment-studio[cluster]&apos;。</translation>
    </message>
    <message>
        <source>Cannot open the study database {url}: {reason}</source>
        <translation>无法打开研究数据库 {url}：{reason}</translation>
    </message>
    <message>
        <source>Unknown objective {name!r}; choose one of: {names}.</source>
        <translation>未知的目标 {name!r}；请从以下选择：{names}。</translation>
    </message>
    <message>
        <source>A search is judged on validation data: set validation_split above 0.</source>
        <translation>搜索以验证数据评判：请将 validation_split 设为大于 0。</translation>
    </message>
    <message>
        <source>There is no study {name!r} in {storage}; give a family to start one.</source>
        <translation>{storage} 中没有研究 {name!r}；请指定模型类型来新建一个。</translation>
    </message>
    <message>
        <source>Study {name!r} searches {family} for the {objective} over its own space; join it without --family, --objective or --param, or give a new study name.</source>
        <translation>研究 {name!r} 在其自己的空间中搜索 {family} 的{objective}；加入时请不要带 --family、--objective 或 --param，或换一个新的研究名称。</translation>
    </message>
</context>
</TS>
