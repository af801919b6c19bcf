// The response's Certificate section: the chain, protocol and cipher of a TLS call, and a red warning when
// verification was off.
#include "app/model/keyvaluemodel.h"
#include "app/ui/certificateview.h"
#include "app/ui/responseview.h"
#include "app/ui/tlswarning.h"
#include "server/tls/tlsmaterial.h"

#include <QTabWidget>
#include <QtTest>

using namespace triptych;

namespace {

client::CallRecord tlsRecord(bool verified) {
    client::CallRecord record;
    record.httpStatus = 200;
    record.tls.secured = true;
    record.tls.verified = verified;
    record.tls.protocol = QStringLiteral("TLSv1.3");
    record.tls.cipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
    const auto material = tls::generateTlsMaterial();
    if (material)
        record.tls.chain = client::certificatesFromPem(QByteArray::fromStdString(material->server.certificatePem));
    record.timings.tlsUs = 1234;
    return record;
}

QString valueOf(const model::KeyValueModel &model, const QString &field) {
    for (const auto &[name, value] : model.pairs())
        if (name == field)
            return value;
    return {};
}

} // namespace

class TestCertificateView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theResponseShowsTheChain_data() {
        QTest::addColumn<bool>("verified");
        QTest::newRow("verified") << true;
        QTest::newRow("verification off") << false;
    }
    void theResponseShowsTheChain() {
        QFETCH(bool, verified);
        ui::ResponseView view(ui::SyntaxLanguage::Json);
        view.show();
        const auto *tabs = view.findChild<QTabWidget *>();
        QVERIFY(tabs);
        QStringList names;
        for (int i = 0; i < tabs->count(); ++i)
            names << tabs->tabText(i);
        QVERIFY2(names.contains(QStringLiteral("Certificate")), qPrintable(names.join(',')));
        QVERIFY2(names.indexOf(QStringLiteral("Certificate")) < names.indexOf(QStringLiteral("Messages")),
                 qPrintable(names.join(',')));

        view.showRecord(tlsRecord(verified));
        const auto *model = view.certificateView()->model();
        QCOMPARE(valueOf(*model, QStringLiteral("Leaf subject")), QStringLiteral("localhost"));
        QVERIFY(valueOf(*model, QStringLiteral("Leaf names (SAN)")).contains(QStringLiteral("IP:127.0.0.1")));
        QVERIFY(valueOf(*model, QStringLiteral("Leaf valid")).contains(QStringLiteral("UTC")));
        QCOMPARE(valueOf(*model, QStringLiteral("Issuer 1 subject")), QStringLiteral("Triptych local CA"));
        QCOMPARE(valueOf(*model, QStringLiteral("Protocol")), QStringLiteral("TLSv1.3"));
        QCOMPARE(valueOf(*model, QStringLiteral("Cipher")), QStringLiteral("TLS_AES_256_GCM_SHA384"));
        const QString summary = view.certificateView()->summary();
        QVERIFY2(summary.contains(QStringLiteral("TLSv1.3 · TLS_AES_256_GCM_SHA384 · 2 certificate(s) from the peer")),
                 qPrintable(summary));
        QCOMPARE(summary.contains(QStringLiteral("Verification was OFF")), !verified);

        view.showRecord({}); // a plaintext call
        QCOMPARE(view.certificateView()->model()->rowCount(), 0);
        QVERIFY(view.certificateView()->summary().contains(QStringLiteral("plaintext")));
    }

    // gRPC 1.51 tells neither version nor cipher: the tab says so instead of leaving blanks, with what it does tell.
    void whatTheTransportDoesNotReportIsSaid() {
        ui::ResponseView view(ui::SyntaxLanguage::Json);
        auto record = tlsRecord(true);
        record.tls.protocol.clear();
        record.tls.cipher.clear();
        record.tls.note = QStringLiteral("gRPC 1.51 reports neither the TLS version nor the cipher");
        record.tls.properties = {{QStringLiteral("security_level"), QStringLiteral("TSI_PRIVACY_AND_INTEGRITY")}};
        view.showRecord(record);
        const auto *model = view.certificateView()->model();
        QCOMPARE(valueOf(*model, QStringLiteral("Protocol")), QStringLiteral("not reported by this transport"));
        QCOMPARE(valueOf(*model, QStringLiteral("Cipher")), QStringLiteral("not reported by this transport"));
        QCOMPARE(valueOf(*model, QStringLiteral("security_level")), QStringLiteral("TSI_PRIVACY_AND_INTEGRITY"));
        for (const auto &[name, value] : model->pairs())
            QVERIFY2(!value.isEmpty(), qPrintable(name));
        const QString summary = view.certificateView()->summary();
        QVERIFY2(summary.startsWith(QStringLiteral("TLS (version not reported) · 2 certificate(s)")),
                 qPrintable(summary));
        QVERIFY(summary.contains(record.tls.note));
    }

    void skippingVerificationReadsAsAWarning() {
        QCheckBox box;
        ui::markAsTlsWarning(&box);
        QVERIFY(!box.text().contains(QStringLiteral("INSECURE")));
        box.setChecked(true);
        QVERIFY(box.text().contains(QStringLiteral("INSECURE")));
        QVERIFY(box.styleSheet().contains(QStringLiteral("#c01c28")));
        box.setChecked(false);
        QVERIFY(box.styleSheet().isEmpty());
    }
};

QTEST_MAIN(TestCertificateView)
#include "test_certificateview.moc"
